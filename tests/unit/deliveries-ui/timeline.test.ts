import { describe, expect, it } from "vitest";
import { buildTimeline, nextAttempt, type AttemptInput } from "@/components/deliveries/timeline";

const created = "2026-03-04T12:00:00.000Z";
const at = (ms: number) => new Date(Date.parse(created) + ms).toISOString();

function attempt(number: number, startMs: number, patch: Partial<AttemptInput> = {}): AttemptInput {
  return { number, startedAt: at(startMs), durationMs: 100, statusCode: 503, error: null, responseBody: "busy", outcome: "RETRY", delayMs: null, ...patch };
}

describe("buildTimeline", () => {
  it("puts the backoff an attempt scheduled before the next one, and measures the real wait", () => {
    const entries = buildTimeline(created, [
      attempt(2, 1_350, { delayMs: 2_000 }),
      attempt(1, 50, { delayMs: 1_200 }),
      attempt(3, 3_600, { statusCode: 200, outcome: "SUCCESS", durationMs: 20 }),
    ]);
    expect(entries.map((e) => e.number)).toEqual([1, 2, 3]);
    expect(entries.map((e) => e.plannedDelayMs)).toEqual([null, 1_200, 2_000]);
    // From creation to attempt 1; then from each attempt's end to the next start.
    expect(entries.map((e) => e.waitedMs)).toEqual([50, 1_200, 2_150]);
    expect(entries[2]).toMatchObject({ startedAtMs: Date.parse(at(3_600)), finishedAtMs: Date.parse(at(3_620)), statusCode: 200, outcome: "SUCCESS" });
  });

  it("never reports a negative wait when worker clocks disagree", () => {
    const [first] = buildTimeline(created, [attempt(1, -5)]);
    expect(first.waitedMs).toBe(0);
  });

  it("is empty before the first attempt", () => {
    expect(buildTimeline(created, [])).toEqual([]);
  });
});

describe("nextAttempt", () => {
  it("is the attempt after the last, due when the delivery says, after the last scheduled backoff", () => {
    const attempts = [attempt(1, 0, { delayMs: 1_000 }), attempt(2, 1_200, { delayMs: 4_000 })];
    expect(nextAttempt({ status: "pending", attemptCount: 2, nextRetryAt: at(5_300), attempts })).toEqual({
      number: 3,
      dueAtMs: Date.parse(at(5_300)),
      plannedDelayMs: 4_000,
    });
  });

  it("is the first attempt for a new delivery, with no backoff", () => {
    expect(nextAttempt({ status: "pending", attemptCount: 0, nextRetryAt: created, attempts: [] })).toEqual({ number: 1, dueAtMs: Date.parse(created), plannedDelayMs: null });
  });

  it("is null once nothing more will be tried, or while an attempt is running", () => {
    for (const status of ["succeeded", "dead", "failed", "in_flight"]) {
      expect(nextAttempt({ status, attemptCount: 1, nextRetryAt: status === "in_flight" ? null : at(1), attempts: [] })).toBeNull();
    }
  });
});
