import { format, formatDistanceToNowStrict } from "date-fns";

/** "5 minutes ago" ("just now" under a minute) for reading, the exact time for a tooltip. */
export function relativeTime(iso: string): { text: string; exact: string } {
  const date = new Date(iso);
  const ago = Date.now() - date.getTime();
  const text = Math.abs(ago) < 60_000 ? "just now" : ago > 0 ? `${formatDistanceToNowStrict(date)} ago` : `in ${formatDistanceToNowStrict(date)}`;
  return { text, exact: format(date, "PPpp") };
}

export function exactTime(iso: string): string {
  return format(new Date(iso), "PPpp");
}
