import type { AttemptWrite, HealthChange } from "../db/hot-path";
import type { Outcome } from "../retry/classify";
import type { RetryPolicy } from "../retry/policy";
import type { SendResult } from "./send";

/** A finished attempt and what the worker knew of its delivery when it claimed it. */
export interface FinishedAttempt {
  deliveryId: string;
  workerId: string;
  attempt: number;
  startedAt: number;
  finishedAt: number;
  send: SendResult;
  outcome: Outcome;
  /** The policy the attempt ran under, kept on the delivery. */
  policy: RetryPolicy;
  endpoint: { id: string; url: string; failingSince: number | null };
  message: { eventType: string; payload: string };
  /** Set on deliveries made to reprocess this dead letter. */
  reprocessedLetterId: string | null;
  /** Failing continuously this long disables the endpoint; 0 turns that off. */
  autoDisableAfterMs: number;
}

export type RecordedStatus = "succeeded" | "pending" | "dead" | "failed";

function statusFor(outcome: Outcome): RecordedStatus {
  switch (outcome.type) {
    case "SUCCESS":
      return "succeeded";
    case "RETRY":
    case "DELAY":
      return "pending";
    case "DEAD":
      return "dead";
    case "SKIP":
      return "failed";
  }
}

/**
 * How the endpoint's health changes: a success clears its failing mark, a 410 Gone disables
 * it, a first failure marks when failing began, and failing past the limit disables it.
 */
export function healthChange(a: FinishedAttempt): HealthChange | null {
  const endpointId = a.endpoint.id;
  if (a.outcome.type === "SUCCESS") return a.endpoint.failingSince === null ? null : { kind: "recovered", endpointId };
  if (a.send.statusCode === 410) return { kind: "disable", endpointId, reason: "The endpoint answered 410 Gone" };
  const since = a.endpoint.failingSince;
  if (since === null) return { kind: "failing", endpointId };
  if (a.autoDisableAfterMs > 0 && a.finishedAt - since >= a.autoDisableAfterMs) {
    return { kind: "disable", endpointId, reason: `Disabled automatically: every attempt failed since ${new Date(since).toISOString()}` };
  }
  return null;
}

/**
 * The writes that record an attempt and its consequence: the attempt row, the delivery's
 * next state, a dead letter when it gave up, the settled letter when a reprocess
 * succeeded, the endpoint's health. Ids come from `newId`.
 */
export function attemptWrite(a: FinishedAttempt, newId: () => string): AttemptWrite {
  const status = statusFor(a.outcome);
  const delayMs = a.outcome.type === "RETRY" || a.outcome.type === "DELAY" ? a.outcome.delayMs : null;
  const o = a.outcome;
  return {
    deliveryId: a.deliveryId,
    workerId: a.workerId,
    status,
    attemptCount: a.attempt,
    nextAttemptAt: delayMs === null ? null : a.finishedAt + delayMs,
    lastStatusCode: a.send.statusCode,
    lastError: o.type === "SUCCESS" ? null : o.reason,
    completedAt: status === "pending" ? null : a.finishedAt,
    now: a.finishedAt,
    policy: JSON.stringify(a.policy),
    attempt: {
      id: newId(),
      number: a.attempt,
      startedAt: a.startedAt,
      durationMs: a.send.durationMs,
      statusCode: a.send.statusCode,
      error: a.send.error,
      responseBody: a.send.responseBody,
      outcome: o.type,
      delayMs,
      requestHeaders: a.send.requestHeaders,
      responseHeaders: a.send.responseHeaders,
    },
    deadLetter:
      o.type === "DEAD"
        ? {
            newId: newId(),
            reprocessedLetterId: a.reprocessedLetterId,
            endpointId: a.endpoint.id,
            url: a.endpoint.url,
            eventType: a.message.eventType,
            payload: a.message.payload,
            reason: o.failureReason,
            errorDetails: o.reason,
            attempts: a.attempt,
          }
        : null,
    settlesLetterId: o.type === "SUCCESS" ? a.reprocessedLetterId : null,
    health: healthChange(a),
  };
}
