"use client";

import { formatDateTime, formatElapsed, formatRelative } from "./time-format";
import { useNow } from "./use-now";

type Instant = string | number;

const iso = (at: Instant) => (typeof at === "number" ? new Date(at).toISOString() : at);
const ms = (at: Instant) => (typeof at === "number" ? at : Date.parse(at));

/**
 * "5 min ago", kept current, with the exact time and its zone on hover and for screen
 * readers. Drawn only in the browser: the server knows neither the clock the page is read
 * at nor the reader's time zone.
 */
export function RelativeTime({ at, className }: { at: Instant; className?: string }) {
  const now = useNow();
  if (now === null) return <time dateTime={iso(at)} className={className} />;
  const exact = formatDateTime(ms(at), now);
  return (
    <time dateTime={iso(at)} title={exact} className={className}>
      {formatRelative(ms(at), now)}
      <span className="sr-only"> ({exact})</span>
    </time>
  );
}

/** The exact time with its zone, "Mar 4, 14:05:09 UTC+1", for where the moment itself matters. */
export function DateTime({ at, precise = false, className }: { at: Instant; precise?: boolean; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso(at)} className={className}>
      {now === null ? null : formatDateTime(ms(at), now, { precise })}
    </time>
  );
}

/** How long ago `since` was, as a span: "30 s", "5 min", for "Failing for 5 min". */
export function Elapsed({ since, className }: { since: Instant; className?: string }) {
  const now = useNow();
  if (now === null) return null;
  return (
    <span title={formatDateTime(ms(since), now)} className={className}>
      {formatElapsed(now - ms(since))}
    </span>
  );
}
