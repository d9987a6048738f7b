import type { GiveUpTime } from "@/lib/retry/backoff";
import type { JitterMode, RetryPolicy } from "@/lib/retry/policy";
import { formatDuration } from "@/components/charts/format";

export const JITTER_MODE_LABELS: Record<JitterMode, string> = {
  none: "None",
  proportional: "Proportional (± a fraction)",
  full: "Full (0 to the delay)",
  decorrelated: "Decorrelated (grows from the last delay)",
};

/** "±10% jitter", "full jitter", "decorrelated jitter", "no jitter": how the policy spreads its waits. */
export function jitterSummary(policy: Pick<RetryPolicy, "jitterMode" | "jitter">): string {
  switch (policy.jitterMode) {
    case "none":
      return "no jitter";
    case "proportional":
      return policy.jitter === 0 ? "no jitter" : `±${Math.round(policy.jitter * 100)}% jitter`;
    case "full":
      return "full jitter";
    case "decorrelated":
      return "decorrelated jitter";
  }
}

/** "1 s → 5 min, ×2": the first delay, the cap and the growth factor. */
export function backoffSummary(policy: Pick<RetryPolicy, "initialDelayMs" | "maxDelayMs" | "exponentialBase" | "maxAttempts">): string {
  if (policy.maxAttempts === 1) return "no retries";
  if (policy.exponentialBase === 1 || policy.initialDelayMs === policy.maxDelayMs) return `${formatDuration(policy.initialDelayMs)} each`;
  return `${formatDuration(policy.initialDelayMs)} → ${formatDuration(policy.maxDelayMs)}, ×${policy.exponentialBase}`;
}

/** A span of time that jitter can move: "4.2 min" when fixed, "3.8–4.6 min" otherwise. */
export function formatBand(minMs: number, maxMs: number): string {
  if (minMs === maxMs) return formatDuration(minMs);
  const low = formatDuration(minMs);
  const high = formatDuration(maxMs);
  const [lowValue, lowUnit] = low.split(" ");
  const [highValue, highUnit] = high.split(" ");
  return lowUnit === highUnit ? `${lowValue}–${highValue} ${highUnit}` : `${low}–${high}`;
}

/** "~31 s" for a fixed schedule, "28–34 s" with jitter; "at once" when nothing is retried. */
export function giveUpSummary(giveUp: GiveUpTime): string {
  if (giveUp.maxMs === 0) return "at once";
  return giveUp.minMs === giveUp.maxMs ? formatDuration(giveUp.baseMs) : formatBand(giveUp.minMs, giveUp.maxMs);
}
