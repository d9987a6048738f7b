/**
 * Keyset pages only go one way (a cursor names the last row of the page before), so the
 * way back is learned while paging: each "Older" step records which page it came from.
 * The trail is keyed by cursor, so the browser's back and forward buttons cannot unsettle
 * it; a page opened from a shared link has no trail, and "Newer" then returns to the
 * newest page.
 */
export type CursorTrail = ReadonlyMap<string, string | null>;

export function rememberStep(trail: CursorTrail, from: string | null, to: string): CursorTrail {
  if (trail.get(to) === from) return trail;
  return new Map(trail).set(to, from);
}

/** The cursor of the page before `current`, null for the newest page. */
export function newerCursor(trail: CursorTrail, current: string | null): string | null {
  if (current === null) return null;
  return trail.get(current) ?? null;
}

/** 1 for the newest page, n when the way back from `current` is known; null when it is not. */
export function pageNumber(trail: CursorTrail, current: string | null): number | null {
  let page = 1;
  const seen = new Set<string>();
  for (let cursor = current; cursor !== null; cursor = trail.get(cursor) ?? null) {
    if (!trail.has(cursor) || seen.has(cursor)) return null;
    seen.add(cursor);
    page++;
  }
  return page;
}
