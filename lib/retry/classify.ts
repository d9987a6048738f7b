import { nextDelayMs } from "./backoff";
import type { RetryPolicy } from "./policy";
import type { RandomSource } from "./random";

export const FAILURE_REASONS = ["max_retries", "invalid_endpoint", "payload_error", "unrecoverable"] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const ATTEMPT_ERROR_KINDS = [
  "timeout",
  "connection",
  "dns",
  "tls",
  "ssrf_blocked",
  "invalid_url",
  "too_many_redirects",
  "other",
] as const;
export type AttemptErrorKind = (typeof ATTEMPT_ERROR_KINDS)[number];

export type AttemptResult =
  | { kind: "response"; status: number; retryAfter?: string | null }
  | { kind: "error"; error: AttemptErrorKind; message: string }
  | { kind: "skipped"; reason: string };

/** `reason` is a short sentence stored with the attempt and shown to operators. */
export type Outcome =
  | { type: "SUCCESS" }
  | { type: "RETRY"; delayMs: number; reason: string }
  | { type: "DELAY"; delayMs: number; reason: string }
  | { type: "SKIP"; reason: string }
  | { type: "DEAD"; failureReason: FailureReason; reason: string };

export interface ClassifyContext {
  policy: RetryPolicy;
  /** 1-based number of the attempt just made. */
  attempt: number;
  /** Epoch ms; only used to turn an HTTP-date Retry-After into a delay. */
  now: number;
  random: RandomSource;
  /** The delay used before this attempt; decorrelated jitter grows from it. */
  previousDelayMs?: number;
}

/** Statuses where the receiver rejected these bytes: resending them unchanged cannot succeed. */
const PAYLOAD_REJECTED = new Set([400, 413, 415, 422]);

/** Only these statuses carry a Retry-After we honour; elsewhere it is advisory at best. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

const DELTA_SECONDS = /^\d+$/;
// All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) open with a day name. Checking
// for it keeps Date.parse, which is lenient, from reading "5" or "-1" as a year.
const HTTP_DATE_START = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;
const HAS_ZONE = /\b(GMT|UTC|UT|Z)\b|[+-]\d{4}$/i;

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date (a date in the past
 * gives 0). Null when absent or unparseable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (DELTA_SECONDS.test(text)) {
    return Math.min(Number.MAX_SAFE_INTEGER, Number(text) * 1000);
  }
  if (!HTTP_DATE_START.test(text)) return null;
  // HTTP-dates are always GMT, but asctime carries no zone and Date.parse would read it as
  // local time, so the delay would depend on the server's time zone.
  const at = Date.parse(HAS_ZONE.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

function describeError(error: AttemptErrorKind, message: string, policy: RetryPolicy): string {
  const detail = message.trim() ? `: ${message.trim()}` : "";
  switch (error) {
    case "timeout":
      return `request timed out after ${policy.timeoutMs} ms`;
    case "connection":
      return `connection failed${detail}`;
    case "dns":
      return `DNS lookup failed${detail}`;
    case "tls":
      return `TLS handshake failed${detail}`;
    case "ssrf_blocked":
      return `endpoint address is not allowed (private or reserved network)${detail}`;
    case "invalid_url":
      return `endpoint URL is invalid${detail}`;
    case "too_many_redirects":
      return `too many redirects${detail}`;
    case "other":
      return `request failed${detail}`;
  }
}

function retryOrGiveUp(
  failure: string,
  ctx: ClassifyContext,
  retryAfter: string | null | undefined,
  status: number | null,
): Outcome {
  const { policy, attempt } = ctx;
  if (attempt >= policy.maxAttempts) {
    const attempts = attempt === 1 ? "1 attempt" : `${attempt} attempts`;
    return { type: "DEAD", failureReason: "max_retries", reason: `gave up after ${attempts}: ${failure}` };
  }
  if (status !== null && RETRY_AFTER_STATUSES.has(status)) {
    const askedMs = parseRetryAfter(retryAfter, ctx.now);
    if (askedMs !== null) {
      // Honour the receiver's pace but never wait past our own ceiling for one gap.
      const delayMs = Math.max(0, Math.min(askedMs, policy.maxDelayMs));
      const capped = askedMs > policy.maxDelayMs ? ` (capped at the policy's maximum delay of ${policy.maxDelayMs} ms)` : "";
      return { type: "DELAY", delayMs, reason: `${failure}; Retry-After asked for ${askedMs} ms${capped}` };
    }
  }
  return {
    type: "RETRY",
    delayMs: nextDelayMs(policy, attempt, ctx.random, ctx.previousDelayMs),
    reason: failure,
  };
}

/**
 * Decides what happens after one delivery attempt. Permanent failures go to the dead letter
 * queue at once, whatever attempts remain; everything else is retried until the policy's
 * attempts run out.
 */
export function classifyAttempt(result: AttemptResult, ctx: ClassifyContext): Outcome {
  switch (result.kind) {
    case "skipped":
      return { type: "SKIP", reason: result.reason };
    case "error": {
      const failure = describeError(result.error, result.message, ctx.policy);
      if (result.error === "ssrf_blocked" || result.error === "invalid_url") {
        return { type: "DEAD", failureReason: "invalid_endpoint", reason: failure };
      }
      return retryOrGiveUp(failure, ctx, null, null);
    }
    case "response": {
      const { status } = result;
      if (status >= 200 && status <= 299) return { type: "SUCCESS" };
      if (status === 410) {
        return { type: "DEAD", failureReason: "invalid_endpoint", reason: "HTTP 410 from endpoint: it reports it is gone" };
      }
      if (PAYLOAD_REJECTED.has(status)) {
        return {
          type: "DEAD",
          failureReason: "payload_error",
          reason: `HTTP ${status} from endpoint: it rejected this payload`,
        };
      }
      // 3xx lands here too: redirects are not followed, so the endpoint is misconfigured for now.
      return retryOrGiveUp(`HTTP ${status} from endpoint`, ctx, result.retryAfter, status);
    }
  }
}
