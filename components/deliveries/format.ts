import { formatDuration } from "@/components/charts/format";
import { timeToGiveUpMs, type RetryPolicy } from "@/lib/retry";
import type { DeliveryStatus } from "@/lib/delivery/delivery-view";
import { metaFor, type StatusMeta, type Tone } from "@/components/ui/tone";

/** How deliveries, attempts and times read on the dashboard. Pure, so the wording is tested. */

export const STATUS_META: Record<DeliveryStatus, StatusMeta> = {
  pending: { label: "Pending", tone: "warning", description: "Waiting for its next attempt" },
  in_flight: { label: "In flight", tone: "info", description: "An attempt is being sent now" },
  succeeded: { label: "Succeeded", tone: "success", description: "The endpoint accepted it" },
  failed: { label: "Failed", tone: "neutral", description: "Ended without success and without retries or a dead letter" },
  dead: { label: "Dead", tone: "danger", description: "Gave up; a dead letter holds it" },
  held: { label: "Held", tone: "neutral", description: "Made while its endpoint was disabled; waits until an operator sends or discards it" },
};

export function statusMeta(status: string): StatusMeta {
  return metaFor(STATUS_META, status);
}

export const OUTCOME_META: Record<string, { label: string; tone: Tone }> = {
  SUCCESS: { label: "Succeeded", tone: "success" },
  RETRY: { label: "Failed, retrying", tone: "warning" },
  DELAY: { label: "Asked to wait (Retry-After)", tone: "warning" },
  SKIP: { label: "Skipped", tone: "neutral" },
  DEAD: { label: "Failed, gave up", tone: "danger" },
};

export function outcomeMeta(outcome: string): { label: string; tone: Tone } {
  return OUTCOME_META[outcome] ?? { label: outcome, tone: "neutral" };
}

/** A URL without its scheme, for narrow columns; the full URL goes in a tooltip beside it. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//i, "");
}

/** The exact payload text, indented when it is JSON; anything else is shown as it is. */
export function prettyPayload(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const JITTER_WORDS: Record<RetryPolicy["jitterMode"], (jitter: number) => string> = {
  none: () => "no jitter",
  proportional: (j) => `±${Math.round(j * 100)}% jitter`,
  full: () => "full jitter",
  decorrelated: () => "decorrelated jitter",
};

/** A policy in one line, as an operator would say it, and how long it keeps trying. */
export function summarizePolicy(policy: RetryPolicy): { schedule: string; giveUp: string } {
  const attempts = policy.maxAttempts === 1 ? "1 attempt, no retries" : `Up to ${policy.maxAttempts} attempts`;
  const backoff =
    policy.maxAttempts === 1 ? null
    : policy.jitterMode === "decorrelated" ? `backoff growing from ${formatDuration(policy.initialDelayMs)}, capped at ${formatDuration(policy.maxDelayMs)}`
    : policy.exponentialBase === 1 ? `every ${formatDuration(policy.initialDelayMs)}`
    : `${formatDuration(policy.initialDelayMs)} × ${policy.exponentialBase}ⁿ backoff, capped at ${formatDuration(policy.maxDelayMs)}`;
  const parts = [attempts, backoff, policy.maxAttempts === 1 ? null : JITTER_WORDS[policy.jitterMode](policy.jitter), `${formatDuration(policy.timeoutMs)} timeout`];
  const span = timeToGiveUpMs(policy);
  const giveUp =
    policy.maxAttempts === 1 ? "Gives up after the first failure"
    : span.minMs === span.maxMs ? `Gives up ${formatDuration(span.baseMs)} after the first attempt`
    : `Gives up ${formatDuration(span.minMs)} to ${formatDuration(span.maxMs)} after the first attempt`;
  return { schedule: parts.filter((p) => p !== null).join(" · "), giveUp };
}
