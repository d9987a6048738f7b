"use client";

import { useNow } from "@/components/ui/use-now";
import { formatCountdown } from "@/components/ui/time-format";

/**
 * Time left until `to`, ticking every second. Past the moment it says the attempt is due:
 * a worker picks it up on its next poll, and the page's refresh shows the attempt.
 */
export function Countdown({ to, className }: { to: string; className?: string }) {
  const now = useNow();
  if (now === null) return null;
  const left = Date.parse(to) - now;
  return (
    <span role="timer" className={className}>
      {left > 0 ? <>in <span className="tabular-nums">{formatCountdown(left)}</span></> : "due now"}
    </span>
  );
}
