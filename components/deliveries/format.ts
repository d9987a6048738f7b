import { format } from "date-fns";
import { formatDuration } from "@/components/charts/format";
import { timeToGiveUpMs, type RetryPolicy } from "@/lib/retry";
import type { DeliveryStatus } from "@/lib/delivery/delivery-view";

/** How deliveries, attempts and times read on the dashboard. Pure, so the wording is tested. */

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export const STATUS_META: Record<DeliveryStatus, { label: string; tone: Tone; description: string }> = {
  pending: { label: "Pending", tone: "warning", description: "Waiting for its next attempt" },
  in_flight: { label: "In flight", tone: "info", description: "An attempt is being sent now" },
  succeeded: { label: "Succeeded", tone: "success", description: "The endpoint accepted it" },
  failed: { label: "Skipped", tone: "neutral", description: "Not sent, and not retried" },
  dead: { label: "Dead", tone: "danger", description: "Gave up; a dead letter holds it" },
};

export function statusMeta(status: string): { label: string; tone: Tone; description: string } {
  return Object.hasOwn(STATUS_META, status) ? STATUS_META[status as DeliveryStatus] : { label: status, tone: "neutral", description: "" };
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

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Time left until a due moment, ticking by the second: "0:04", "2:05", "1:02:05", "3 d 4 h".
 * Rounded up, so it reads "0:01" until the moment is actually reached, then "0:00".
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / SECOND));
  if (total * SECOND >= DAY) {
    const days = Math.floor((total * SECOND) / DAY);
    const hours = Math.floor(((total * SECOND) % DAY) / HOUR);
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** "just now", "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "in 40 s" for the future. */
export function formatRelative(at: number, now: number): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < 5 * SECOND) return diff > 0 ? "in a moment" : "just now";
  const amount =
    abs < MINUTE ? `${Math.floor(abs / SECOND)} s`
    : abs < HOUR ? `${Math.floor(abs / MINUTE)} min`
    : abs < DAY ? `${Math.floor(abs / HOUR)} h`
    : `${Math.floor(abs / DAY)} d`;
  return diff > 0 ? `in ${amount}` : `${amount} ago`;
}

/** Local time, to the second: "Mar 4, 14:05:09"; the year only when it is not this year's. */
export function formatTimestamp(at: number, now: number): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return format(at, sameYear ? "MMM d, HH:mm:ss" : "MMM d yyyy, HH:mm:ss");
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
