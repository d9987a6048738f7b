import {
  ATTEMPT_ERROR_KINDS,
  classifyAttempt,
  type AttemptErrorKind,
  type AttemptResult,
  type FailureReason,
  type RetryPolicy,
} from "@/lib/retry";
import type { BacktestFinalStatus, BacktestInput, RecordedAttempt } from "./schema";
import { STREAM, counterStream, streamKey } from "./streams";

/*
 * Backtest model.
 *
 * The endpoint's health over time is read from the recorded attempts of every delivery in
 * the period: a candidate attempt at virtual time t gets the outcome of the recorded attempt
 * nearest in time to t, whichever delivery made it (ties go to the earlier one). Before the
 * first and after the last recorded attempt the nearest one is the edge of the history, so
 * those attempts are extrapolated; the summary counts them.
 *
 * The candidate's schedule starts at each delivery's creation time and follows lib/retry
 * exactly (classifyAttempt, backoff, jitter seeded per delivery). A candidate attempt lasts
 * as long as the recorded attempt it borrows its outcome from (0 when unknown); a recorded
 * timeout, or a recorded attempt slower than the candidate's timeout, lasts the candidate's
 * timeoutMs and counts as a timeout.
 *
 * Two refinements keep per-payload verdicts from being read as endpoint health:
 * - a delivery whose own history holds a permanent rejection (400, 410, 413, 415, 422, a
 *   blocked or invalid URL) keeps its original outcome: no retry policy changes it;
 * - another delivery's payload rejection (400, 413, 415, 422) means the endpoint was up and
 *   answering, so it counts as a success for this delivery.
 */

export type BacktestVerdict = "rescued" | "lost" | "still_delivered" | "still_dead" | "was_pending";

export interface BacktestDelivery {
  deliveryId: string;
  createdAt: number;
  originalStatus: BacktestFinalStatus;
  originalAttempts: number;
  /** Creation to the end of its first successful recorded attempt; null if it had none. */
  originalDeliveredAfterMs: number | null;
  candidateStatus: "delivered" | "dead";
  candidateAttempts: number;
  candidateDeliveredAfterMs: number | null;
  candidateFailureReason: FailureReason | null;
  /** Why the candidate gave up, in the words the worker would store; null when delivered. */
  candidateReason: string | null;
  /** False when a permanent rejection decided the outcome whatever the policy. */
  affectedByPolicy: boolean;
  /** candidate - original time to delivery, when delivered both ways (negative = sooner). */
  changeMs: number | null;
  verdict: BacktestVerdict;
}

export interface CentralTendency {
  mean: number;
  median: number;
}

export interface BacktestSummary {
  deliveries: number;
  originallyDelivered: number;
  originallyDead: number;
  candidateDelivered: number;
  candidateDead: number;
  /** Dead originally, delivered under the candidate. */
  rescued: number;
  /** Delivered originally, dead under the candidate. */
  lost: number;
  /** Change in time to delivery over deliveries delivered both ways (negative = sooner). */
  timeToDeliveryChangeMs: CentralTendency | null;
  /** How long the rescued deliveries took under the candidate. */
  rescuedDeliveredAfterMs: CentralTendency | null;
  totalAttemptsOriginal: number;
  totalAttemptsCandidate: number;
  /** Candidate attempts outside the recorded period, whose outcome is extrapolated. */
  extrapolatedAttempts: number;
  historyStartMs: number;
  historyEndMs: number;
}

export interface BacktestResult {
  summary: BacktestSummary;
  deliveries: BacktestDelivery[];
}

const PAYLOAD_REJECTED = new Set([400, 413, 415, 422]);
const KNOWN_ERRORS: ReadonlySet<string> = new Set(ATTEMPT_ERROR_KINDS);

/** Recorded attempts sorted by start time, with a nearest-in-time lookup. */
interface History {
  starts: Float64Array;
  attempts: RecordedAttempt[];
}

function historyOf(attempts: readonly RecordedAttempt[]): History {
  const sorted = [...attempts].sort((a, b) => a.startedAt - b.startedAt);
  return { starts: Float64Array.from(sorted, (a) => a.startedAt), attempts: sorted };
}

function nearest(history: History, t: number): RecordedAttempt {
  const { starts } = history;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  // lo is the first start >= t; its predecessor is the last start < t.
  if (lo === 0) return history.attempts[0];
  if (lo === starts.length) return history.attempts[starts.length - 1];
  return t - starts[lo - 1] <= starts[lo] - t ? history.attempts[lo - 1] : history.attempts[lo];
}

function errorKind(error: string): AttemptErrorKind {
  return KNOWN_ERRORS.has(error) ? (error as AttemptErrorKind) : "other";
}

/** What a recorded attempt looks like to lib/retry's classifier. */
function asAttemptResult(recorded: RecordedAttempt): AttemptResult {
  if (recorded.ok) return { kind: "response", status: recorded.statusCode ?? 200 };
  if (recorded.statusCode != null) return { kind: "response", status: recorded.statusCode };
  const error = recorded.error ?? "";
  const kind = errorKind(error);
  return { kind: "error", error: kind, message: kind === "other" ? error : "" };
}

function isPermanentRejection(recorded: RecordedAttempt): boolean {
  if (recorded.ok) return false;
  if (recorded.statusCode != null) return recorded.statusCode === 410 || PAYLOAD_REJECTED.has(recorded.statusCode);
  return recorded.error === "ssrf_blocked" || recorded.error === "invalid_url";
}

interface CandidateOutcome {
  status: "delivered" | "dead";
  attempts: number;
  deliveredAfterMs: number | null;
  failureReason: FailureReason | null;
  reason: string | null;
  extrapolated: number;
}

function replayCandidate(
  policy: RetryPolicy,
  history: History,
  createdAt: number,
  random: () => number,
): CandidateOutcome {
  const firstMs = history.starts[0];
  const lastMs = history.starts[history.starts.length - 1];
  let t = createdAt;
  let previousDelayMs: number | undefined;
  let extrapolated = 0;
  for (let attempt = 1; ; attempt++) {
    if (t < firstMs || t > lastMs) extrapolated++;
    const recorded = nearest(history, t);
    let result = asAttemptResult(recorded);
    let durationMs = Math.min(recorded.durationMs ?? 0, policy.timeoutMs);
    if (result.kind === "response" && PAYLOAD_REJECTED.has(result.status)) {
      // Another delivery's payload was refused: the endpoint itself was up.
      result = { kind: "response", status: 200 };
    }
    if (result.kind === "error" && result.error === "timeout") durationMs = policy.timeoutMs;
    if ((recorded.durationMs ?? 0) > policy.timeoutMs) {
      result = { kind: "error", error: "timeout", message: "" };
      durationMs = policy.timeoutMs;
    }
    const outcome = classifyAttempt(result, { policy, attempt, now: t, random, previousDelayMs });
    switch (outcome.type) {
      case "SUCCESS":
        return {
          status: "delivered",
          attempts: attempt,
          deliveredAfterMs: t + durationMs - createdAt,
          failureReason: null,
          reason: null,
          extrapolated,
        };
      case "DEAD":
        return {
          status: "dead",
          attempts: attempt,
          deliveredAfterMs: null,
          failureReason: outcome.failureReason,
          reason: outcome.reason,
          extrapolated,
        };
      case "SKIP":
        // Recorded history never yields a skip; treat one as final rather than loop.
        return {
          status: "dead",
          attempts: attempt,
          deliveredAfterMs: null,
          failureReason: "unrecoverable",
          reason: outcome.reason,
          extrapolated,
        };
      case "RETRY":
      case "DELAY":
        previousDelayMs = outcome.delayMs;
        t += durationMs + outcome.delayMs;
        break;
    }
  }
}

/** The delivery's own permanent rejection ends it under any policy, as it did originally. */
function keepRejection(policy: RetryPolicy, rejection: RecordedAttempt, attempts: number): CandidateOutcome {
  const outcome = classifyAttempt(asAttemptResult(rejection), {
    policy,
    attempt: rejection.attemptNumber,
    now: rejection.startedAt,
    // Permanent rejections are never retried, so no jitter is drawn.
    random: () => 0,
  });
  return {
    status: "dead",
    attempts,
    deliveredAfterMs: null,
    failureReason: outcome.type === "DEAD" ? outcome.failureReason : "unrecoverable",
    reason: outcome.type === "DEAD" ? outcome.reason : null,
    extrapolated: 0,
  };
}

function centralTendency(values: number[]): CentralTendency | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length, median };
}

function verdictOf(original: BacktestFinalStatus, candidate: "delivered" | "dead"): BacktestVerdict {
  if (original === "pending") return "was_pending";
  if (original === "dead") return candidate === "delivered" ? "rescued" : "still_dead";
  return candidate === "delivered" ? "still_delivered" : "lost";
}

/** Replays an endpoint's recorded deliveries under a candidate policy (model described above). */
export function backtest(input: BacktestInput): BacktestResult {
  const { policy, seed } = input;
  const history = historyOf(input.attempts);
  const ownAttempts = new Map<string, RecordedAttempt[]>();
  for (const recorded of input.attempts) {
    const list = ownAttempts.get(recorded.deliveryId);
    if (list) list.push(recorded);
    else ownAttempts.set(recorded.deliveryId, [recorded]);
  }
  const jitter = counterStream();

  let extrapolatedAttempts = 0;
  const rows: BacktestDelivery[] = input.deliveries.map((delivery, index) => {
    const own = (ownAttempts.get(delivery.deliveryId) ?? []).sort((a, b) => a.attemptNumber - b.attemptNumber);
    const firstOk = own.find((a) => a.ok);
    const originalDeliveredAfterMs =
      delivery.finalStatus === "delivered" && firstOk
        ? firstOk.startedAt + (firstOk.durationMs ?? 0) - delivery.createdAt
        : null;
    const rejection = firstOk ? undefined : own.find(isPermanentRejection);

    let candidate: CandidateOutcome;
    if (rejection) {
      candidate = keepRejection(policy, rejection, own.length);
    } else {
      jitter.reset(streamKey(seed, STREAM.jitter, index));
      candidate = replayCandidate(policy, history, delivery.createdAt, jitter.next);
    }
    extrapolatedAttempts += candidate.extrapolated;

    const changeMs =
      originalDeliveredAfterMs !== null && candidate.deliveredAfterMs !== null
        ? candidate.deliveredAfterMs - originalDeliveredAfterMs
        : null;
    return {
      deliveryId: delivery.deliveryId,
      createdAt: delivery.createdAt,
      originalStatus: delivery.finalStatus,
      originalAttempts: own.length,
      originalDeliveredAfterMs,
      candidateStatus: candidate.status,
      candidateAttempts: candidate.attempts,
      candidateDeliveredAfterMs: candidate.deliveredAfterMs,
      candidateFailureReason: candidate.failureReason,
      candidateReason: candidate.reason,
      affectedByPolicy: rejection === undefined,
      changeMs,
      verdict: verdictOf(delivery.finalStatus, candidate.status),
    };
  });

  const count = (predicate: (row: BacktestDelivery) => boolean): number => rows.filter(predicate).length;
  return {
    summary: {
      deliveries: rows.length,
      originallyDelivered: count((r) => r.originalStatus === "delivered"),
      originallyDead: count((r) => r.originalStatus === "dead"),
      candidateDelivered: count((r) => r.candidateStatus === "delivered"),
      candidateDead: count((r) => r.candidateStatus === "dead"),
      rescued: count((r) => r.verdict === "rescued"),
      lost: count((r) => r.verdict === "lost"),
      timeToDeliveryChangeMs: centralTendency(rows.flatMap((r) => (r.changeMs === null ? [] : [r.changeMs]))),
      rescuedDeliveredAfterMs: centralTendency(
        rows.flatMap((r) => (r.verdict === "rescued" && r.candidateDeliveredAfterMs !== null ? [r.candidateDeliveredAfterMs] : [])),
      ),
      totalAttemptsOriginal: rows.reduce((sum, r) => sum + r.originalAttempts, 0),
      totalAttemptsCandidate: rows.reduce((sum, r) => sum + r.candidateAttempts, 0),
      extrapolatedAttempts,
      historyStartMs: history.starts[0],
      historyEndMs: history.starts[history.starts.length - 1],
    },
    deliveries: rows,
  };
}
