"use client";

import { formatRelative, formatTimestamp } from "./format";
import { useNow } from "@/components/ui/use-now";

/** "5 min ago", kept current, with the exact local time on hover and for assistive tech. */
export function RelativeTime({ at, className }: { at: string; className?: string }) {
  const now = useNow();
  const ms = Date.parse(at);
  if (now === null) return <time dateTime={at} className={className} />;
  const exact = formatTimestamp(ms, now);
  return (
    <time dateTime={at} title={exact} aria-label={`${formatRelative(ms, now)}, ${exact}`} className={className}>
      {formatRelative(ms, now)}
    </time>
  );
}
