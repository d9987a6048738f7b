import { format, formatDistanceToNowStrict } from "date-fns";

/** "5 minutes ago" ("just now" under a minute), with the exact time for a tooltip. */
export function relative(iso: string): { text: string; exact: string } {
  const date = new Date(iso);
  const text = Date.now() - date.getTime() < 60_000 ? "just now" : `${formatDistanceToNowStrict(date)} ago`;
  return { text, exact: format(date, "PPpp") };
}
