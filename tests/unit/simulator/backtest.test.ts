import { describe, expect, it } from "vitest";
import { backtest, backtestInputSchema, type BacktestInputRaw } from "@/lib/simulator";

const MINUTE = 60_000;
const T0 = Date.parse("2026-03-01T10:00:00Z");

type RawAttempt = BacktestInputRaw["attempts"][number];
type RawDelivery = BacktestInputRaw["deliveries"][number];

/**
 * The endpoint is down from T0 to T0 + 10 min and up until T0 + 30 min. Deliveries created
 * in the first 8 minutes were tried at +0, +10 s, +30 s and +70 s (4 attempts, no jitter),
 * all inside the outage, and died. One delivery per minute after the outage succeeded at once.
 */
function outageHistory(): { attempts: RawAttempt[]; deliveries: RawDelivery[] } {
  const attempts: RawAttempt[] = [];
  const deliveries: RawDelivery[] = [];
  for (let m = 0; m < 8; m++) {
    const id = `down-${m}`;
    const createdAt = T0 + m * MINUTE;
    deliveries.push({ deliveryId: id, createdAt, finalStatus: "dead" });
    [0, 10_000, 30_000, 70_000].forEach((offset, i) => {
      attempts.push({ deliveryId: id, attemptNumber: i + 1, startedAt: createdAt + offset, ok: false, statusCode: 503, durationMs: 50 });
    });
  }
  for (let m = 11; m <= 30; m++) {
    const id = `up-${m}`;
    const createdAt = T0 + m * MINUTE;
    deliveries.push({ deliveryId: id, createdAt, finalStatus: "delivered" });
    attempts.push({ deliveryId: id, attemptNumber: 1, startedAt: createdAt, ok: true, statusCode: 200, durationMs: 80 });
  }
  return { attempts, deliveries };
}

const original = { maxAttempts: 4, initialDelayMs: 10_000, jitterMode: "none" } as const;
const patient = { maxAttempts: 8, initialDelayMs: 30_000, exponentialBase: 2, jitterMode: "none" } as const;

describe("backtest", () => {
  it("replaying the original policy reproduces the original outcomes", () => {
    const result = backtest(backtestInputSchema.parse({ policy: original, ...outageHistory() }));
    expect(result.summary).toMatchObject({
      deliveries: 28,
      originallyDelivered: 20,
      originallyDead: 8,
      candidateDelivered: 20,
      candidateDead: 8,
      rescued: 0,
      lost: 0,
      timeToDeliveryChangeMs: { mean: 0, median: 0 },
      totalAttemptsOriginal: 52,
      totalAttemptsCandidate: 52,
    });
    const dead = result.deliveries.find((d) => d.deliveryId === "down-0")!;
    expect(dead).toMatchObject({
      candidateStatus: "dead",
      candidateAttempts: 4,
      candidateFailureReason: "max_retries",
      candidateReason: "gave up after 4 attempts: HTTP 503 from endpoint",
      verdict: "still_dead",
    });
  });

  it("a candidate with a longer backoff rescues the dead letters of a 10-minute outage", () => {
    const result = backtest(backtestInputSchema.parse({ policy: patient, ...outageHistory() }));
    expect(result.summary).toMatchObject({
      originallyDelivered: 20,
      candidateDelivered: 28,
      candidateDead: 0,
      rescued: 8,
      lost: 0,
      timeToDeliveryChangeMs: { mean: 0, median: 0 },
    });
    // Candidate attempts at +0, 30 s, 1.5 min, 3.5 min, 7.5 min and, the fifth gap capped at the
    // default 5-minute maximum, 12.5 min (each failing attempt adds its recorded 50 ms). The health boundary sits halfway between the last failure
    // (8 min 10 s) and the first success (11 min), at 9 min 35 s.
    const first = result.deliveries.find((d) => d.deliveryId === "down-0")!;
    expect(first).toMatchObject({ verdict: "rescued", candidateStatus: "delivered", candidateAttempts: 6, changeMs: null });
    expect(first.candidateDeliveredAfterMs).toBe(750_000 + 5 * 50 + 80);
    const last = result.deliveries.find((d) => d.deliveryId === "down-7")!;
    // Created at 7 min: +0, +30 s, +1.5 min (8.5 min, failing) then +3.5 min = 10.5 min (up).
    expect(last).toMatchObject({ verdict: "rescued", candidateAttempts: 4 });
    expect(last.candidateDeliveredAfterMs).toBe(210_000 + 3 * 50 + 80);
    const rescued = result.deliveries.filter((d) => d.verdict === "rescued").map((d) => d.candidateDeliveredAfterMs!);
    expect(result.summary.rescuedDeliveredAfterMs!.mean).toBeCloseTo(rescued.reduce((a, b) => a + b, 0) / 8, 9);
    expect(result.summary.totalAttemptsCandidate).toBeGreaterThan(0);
  });

  it("counts deliveries the candidate loses and how much later it delivers", () => {
    // Originally delivered on the second attempt, 20 s after a failure; a single-attempt
    // candidate gives up at once.
    const input = backtestInputSchema.parse({
      policy: { maxAttempts: 1 },
      attempts: [
        { deliveryId: "a", attemptNumber: 1, startedAt: T0, ok: false, statusCode: 500 },
        { deliveryId: "a", attemptNumber: 2, startedAt: T0 + 20_000, ok: true, statusCode: 200 },
      ],
      deliveries: [{ deliveryId: "a", createdAt: T0, finalStatus: "delivered" }],
    });
    const result = backtest(input);
    expect(result.summary).toMatchObject({ lost: 1, rescued: 0, candidateDead: 1, totalAttemptsOriginal: 2, totalAttemptsCandidate: 1 });
    expect(result.deliveries[0]).toMatchObject({ verdict: "lost", originalDeliveredAfterMs: 20_000, candidateFailureReason: "max_retries" });

    const slower = backtest({ ...input, policy: backtestInputSchema.parse({ ...input, policy: { maxAttempts: 3, initialDelayMs: 40_000, jitterMode: "none" } }).policy });
    expect(slower.deliveries[0]).toMatchObject({ verdict: "still_delivered", candidateDeliveredAfterMs: 40_000, changeMs: 20_000 });
    expect(slower.summary.timeToDeliveryChangeMs).toEqual({ mean: 20_000, median: 20_000 });
    // The candidate's second attempt (T0 + 40 s) lies after the last recorded one: extrapolated.
    expect(slower.summary.extrapolatedAttempts).toBe(1);
  });

  it("keeps a delivery's own payload rejection, but reads another's as the endpoint being up", () => {
    const input = backtestInputSchema.parse({
      policy: { maxAttempts: 5 },
      attempts: [
        { deliveryId: "bad", attemptNumber: 1, startedAt: T0, ok: false, statusCode: 422, durationMs: 30 },
        { deliveryId: "other", attemptNumber: 1, startedAt: T0 + 1000, ok: false, statusCode: 503 },
      ],
      deliveries: [
        { deliveryId: "bad", createdAt: T0, finalStatus: "dead" },
        { deliveryId: "fresh", createdAt: T0 - 5000, finalStatus: "pending" },
      ],
    });
    const [bad, fresh] = backtest(input).deliveries;
    expect(bad).toMatchObject({
      affectedByPolicy: false,
      candidateStatus: "dead",
      candidateFailureReason: "payload_error",
      candidateAttempts: 1,
      verdict: "still_dead",
    });
    // Nearest to T0 - 5 s is the 422 of "bad": the endpoint answered, so this attempt succeeds.
    expect(fresh).toMatchObject({ affectedByPolicy: true, candidateStatus: "delivered", candidateAttempts: 1, verdict: "was_pending" });
  });

  it("an endpoint that answered 410 nearby dead-letters the candidate as an invalid endpoint", () => {
    const result = backtest(
      backtestInputSchema.parse({
        policy: {},
        attempts: [{ deliveryId: "x", attemptNumber: 1, startedAt: T0, ok: false, statusCode: 410 }],
        deliveries: [{ deliveryId: "y", createdAt: T0, finalStatus: "dead" }],
      }),
    );
    expect(result.deliveries[0]).toMatchObject({ candidateStatus: "dead", candidateFailureReason: "invalid_endpoint", candidateAttempts: 1 });
  });

  it("a recorded timeout lasts the candidate's timeout; a slow success beyond it becomes a timeout", () => {
    const result = backtest(
      backtestInputSchema.parse({
        policy: { maxAttempts: 2, timeoutMs: 1000, initialDelayMs: 1000, jitterMode: "none" },
        attempts: [
          { deliveryId: "s", attemptNumber: 1, startedAt: T0, ok: true, statusCode: 200, durationMs: 5000 },
          { deliveryId: "t", attemptNumber: 1, startedAt: T0 + 60_000, ok: false, error: "timeout", durationMs: 30_000 },
        ],
        deliveries: [
          { deliveryId: "s", createdAt: T0, finalStatus: "delivered" },
          { deliveryId: "t", createdAt: T0 + 60_000, finalStatus: "dead" },
        ],
      }),
    );
    const [slow, timeout] = result.deliveries;
    // Both attempts of "s" borrow the 5 s success, which the candidate's 1 s timeout cuts off.
    expect(slow).toMatchObject({ candidateStatus: "dead", candidateAttempts: 2, verdict: "lost" });
    expect(slow.candidateReason).toBe("gave up after 2 attempts: request timed out after 1000 ms");
    expect(timeout).toMatchObject({ candidateStatus: "dead", candidateAttempts: 2 });
  });

  it("is deterministic with jitter for a given seed", () => {
    const input = backtestInputSchema.parse({ policy: { ...patient, jitterMode: "full" }, ...outageHistory(), seed: 3 });
    expect(backtest(input)).toEqual(backtest(input));
  });
});
