/*
 * Light, dark, or whatever the system says: the operator's choice is kept in localStorage,
 * and <html> carries the `dark` class that app/globals.css turns the palette over on.
 */

export const THEME_PREFERENCES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export const THEME_STORAGE_KEY = "hookrelay-theme";

/**
 * Sets the class from the stored choice and the system setting. The root layout inlines this
 * function's source as a script so the first paint is already in the right theme; that is
 * why it names nothing outside itself (not even THEME_STORAGE_KEY).
 */
export function applyStoredTheme(): void {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem("hookrelay-theme");
  } catch {
    // Storage can be blocked (private modes, policies): follow the system then.
  }
  const dark = stored === "dark" || (stored !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

export function isDarkApplied(): boolean {
  return document.documentElement.classList.contains("dark");
}

/** The script for the document's head: runs before the body is painted. */
export const THEME_SCRIPT = `(${applyStoredTheme.toString()})();`;

export function readThemePreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return (THEME_PREFERENCES as readonly string[]).includes(stored ?? "") ? (stored as ThemePreference) : "system";
  } catch {
    return "system";
  }
}

const listeners = new Set<() => void>();

export function saveThemePreference(preference: ThemePreference): void {
  try {
    if (preference === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Blocked storage cannot keep the choice; the system setting stays in force.
  }
  applyStoredTheme();
  for (const listener of listeners) listener();
}

/**
 * Follows the preference wherever it changes: this tab (saveThemePreference), another tab
 * (a storage event), or the system setting while the preference is "system".
 */
export function subscribeToTheme(listener: () => void): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const onChange = () => {
    applyStoredTheme();
    listener();
  };
  listeners.add(listener);
  media.addEventListener("change", onChange);
  window.addEventListener("storage", onChange);
  // The system setting may have changed between the head script and this subscription
  // (a page slow to become interactive), when nothing was listening yet.
  applyStoredTheme();
  return () => {
    listeners.delete(listener);
    media.removeEventListener("change", onChange);
    window.removeEventListener("storage", onChange);
  };
}
