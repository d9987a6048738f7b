"use client";

import { clsx } from "clsx";
import { Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import { useId, useRef, useSyncExternalStore, type KeyboardEvent } from "react";
import { readThemePreference, saveThemePreference, subscribeToTheme, THEME_PREFERENCES, type ThemePreference } from "./theme";

const OPTIONS: Record<ThemePreference, { label: string; icon: LucideIcon }> = {
  system: { label: "System", icon: Monitor },
  light: { label: "Light", icon: Sun },
  dark: { label: "Dark", icon: Moon },
};

/** Light, dark or the system's setting, as a radio group: arrow keys move and choose, like native radios. */
export function ThemeSwitch({ className }: { className?: string }) {
  // The server cannot know the stored choice: it renders "system", the browser corrects it after hydration.
  const current = useSyncExternalStore(subscribeToTheme, readThemePreference, () => "system" as const);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const labelId = useId();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = (THEME_PREFERENCES.indexOf(current) + step + THEME_PREFERENCES.length) % THEME_PREFERENCES.length;
    saveThemePreference(THEME_PREFERENCES[index]);
    refs.current[index]?.focus();
  }

  return (
    <div className={clsx("flex items-center justify-between gap-2 px-3", className)}>
      <span id={labelId} className="text-xs font-medium text-slate-500">
        Theme
      </span>
      <div role="radiogroup" aria-labelledby={labelId} onKeyDown={onKeyDown} className="inline-flex rounded-lg border border-slate-200 bg-white p-0.5">
        {THEME_PREFERENCES.map((preference, i) => {
          const { label, icon: Icon } = OPTIONS[preference];
          const checked = preference === current;
          return (
            <button
              key={preference}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked ? 0 : -1}
              aria-label={label}
              title={preference === "system" ? "Follow the system setting" : `${label} theme`}
              onClick={() => saveThemePreference(preference)}
              className={clsx(
                "inline-flex items-center rounded-md p-1.5 transition-colors",
                "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                checked ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <Icon className="h-4 w-4" aria-hidden />
            </button>
          );
        })}
      </div>
    </div>
  );
}
