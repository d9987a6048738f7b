import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY } from "@/lib/retry/policy";
import { attemptWrite, healthChange, type FinishedAttempt } from "@/lib/delivery/attempt-write";

const T = 1_700_000_000_000;

function attempt(over: Partial<FinishedAttempt> = {}): FinishedAttempt {
  return {
    deliveryId: "d1",
    workerId: "w1",
    attempt: 3,
    startedAt: T - 40,
    finishedAt: T,
    send: { result: { kind: "response", status: 500 }, durationMs: 40, statusCode: 500, responseBody: "oops", error: null, requestHeaders: '{"content-type":"application/json"}', responseHeaders: '{"server":"test"}' },
    outcome: { type: "RETRY", delayMs: 2_000, reason: "HTTP 500" },
    policy: DEFAULT_RETRY_POLICY,
    endpoint: { id: "e1", url: "https://example.com/hook", failingSince: null },
    message: { eventType: "order.paid", payload: "{}" },
    reprocessedLetterId: null,
    autoDisableAfterMs: 0,
    ...over,
  };
}

let n = 0;
const ids = () => `id${++n}`;

describe("what a finished attempt writes", () => {
  it("a retry: pending, due after the delay, the attempt row, the endpoint marked failing", () => {
    n = 0;
    expect(attemptWrite(attempt(), ids)).toEqual({
      deliveryId: "d1",
      workerId: "w1",
      status: "pending",
      attemptCount: 3,
      nextAttemptAt: T + 2_000,
      lastStatusCode: 500,
      lastError: "HTTP 500",
      completedAt: null,
      now: T,
      policy: JSON.stringify(DEFAULT_RETRY_POLICY),
      attempt: { id: "id1", number: 3, startedAt: T - 40, durationMs: 40, statusCode: 500, error: null, responseBody: "oops", outcome: "RETRY", delayMs: 2_000, requestHeaders: '{"content-type":"application/json"}', responseHeaders: '{"server":"test"}' },
      deadLetter: null,
      settlesLetterId: null,
      health: { kind: "failing", endpointId: "e1" },
    });
  });

  it("giving up: dead, completed, a dead letter, or the reprocessed letter reopened", () => {
    const dead = attempt({ outcome: { type: "DEAD", failureReason: "max_retries", reason: "Gave up after 3 attempts" } });
    const fresh = attemptWrite(dead, ids);
    expect(fresh).toMatchObject({ status: "dead", completedAt: T, nextAttemptAt: null });
    expect(fresh.deadLetter).toMatchObject({ reprocessedLetterId: null, endpointId: "e1", url: "https://example.com/hook", reason: "max_retries", attempts: 3 });
    expect(attemptWrite({ ...dead, reprocessedLetterId: "dl1" }, ids).deadLetter).toMatchObject({ reprocessedLetterId: "dl1" });
  });

  it("a success settles the letter it reprocessed and clears the failing mark", () => {
    const ok = attempt({
      send: { result: { kind: "response", status: 200 }, durationMs: 5, statusCode: 200, responseBody: "", error: null, requestHeaders: null, responseHeaders: null },
      outcome: { type: "SUCCESS" },
      reprocessedLetterId: "dl1",
      endpoint: { id: "e1", url: "u", failingSince: T - 10_000 },
    });
    expect(attemptWrite(ok, ids)).toMatchObject({ status: "succeeded", lastError: null, completedAt: T, settlesLetterId: "dl1", health: { kind: "recovered" } });
  });
});

describe("an endpoint's health after an attempt", () => {
  it("410 Gone disables at once", () => {
    const gone = attempt({ send: { result: { kind: "response", status: 410 }, durationMs: 1, statusCode: 410, responseBody: "", error: null, requestHeaders: null, responseHeaders: null } });
    expect(healthChange(gone)).toEqual({ kind: "disable", endpointId: "e1", reason: "The endpoint answered 410 Gone" });
  });

  it("failing past the limit disables; just under it does not; a limit of 0 never does", () => {
    const since = T - 60_000;
    const failing = attempt({ endpoint: { id: "e1", url: "u", failingSince: since } });
    expect(healthChange({ ...failing, autoDisableAfterMs: 60_000 })).toMatchObject({ kind: "disable", reason: `Disabled automatically: every attempt failed since ${new Date(since).toISOString()}` });
    expect(healthChange({ ...failing, autoDisableAfterMs: 60_001 })).toBeNull();
    expect(healthChange({ ...failing, autoDisableAfterMs: 0 })).toBeNull();
  });

  it("a success on a healthy endpoint changes nothing", () => {
    expect(healthChange(attempt({ outcome: { type: "SUCCESS" } }))).toBeNull();
  });
});
