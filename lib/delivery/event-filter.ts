import { z } from "zod";

/** An endpoint's event-type filter: exact types, `prefix.*` wildcards, or `*`. Empty means every type. */
export const eventTypeFilterSchema = z
  .array(z.string().trim().min(1, "An event type cannot be empty").max(200, "An event type has at most 200 characters"))
  .max(100, "At most 100 event types");

export function matchesEventType(filter: readonly string[], eventType: string): boolean {
  if (filter.length === 0) return true;
  return filter.some((f) => f === "*" || f === eventType || (f.endsWith(".*") && eventType.startsWith(f.slice(0, -1))));
}

export function parseEventTypeFilter(stored: string): string[] {
  try {
    const parsed = eventTypeFilterSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
