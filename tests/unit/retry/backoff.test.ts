import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  JITTER_MODES,
  baseDelayMs,
  delaySchedule,
  nextDelayMs,
  retryPolicySchema,
  timeToGiveUpMs,
  type RetryPolicy,
  type RetryPolicyInput,
} from "@/lib/retry";

const policy = (overrides: RetryPolicyInput = {}): RetryPolicy => retryPolicySchema.parse(overrides);
const fixed = (r: number) => () => r;

describe("baseDelayMs", () => {
  it("doubles from the initial delay and stops at the cap", () => {
    const p = policy();
    expect([1, 2, 3, 4, 5, 9, 10, 100].map((n) => baseDelayMs(p, n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 256_000, 300_000, 300_000,
    ]);
  });

  it("rounds fractional bases to whole milliseconds", () => {
    const p = policy({ initialDelayMs: 1000, exponentialBase: 1.5 });
    expect([1, 2, 3, 4].map((n) => baseDelayMs(p, n))).toEqual([1000, 1500, 2250, 3375]);
    expect(baseDelayMs(policy({ initialDelayMs: 3, exponentialBase: 1.5 }), 2)).toBe(5); // 4.5
  });

  it("stays finite and capped at the largest base and attempt", () => {
    const p = policy({ initialDelayMs: 86_400_000, maxDelayMs: 604_800_000, exponentialBase: 10 });
    expect(baseDelayMs(p, 100)).toBe(604_800_000);
  });

  it("is zero when the initial delay is zero", () => {
    expect(baseDelayMs(policy({ initialDelayMs: 0 }), 7)).toBe(0);
  });

  it("refuses attempt numbers that are not integers >= 1", () => {
    expect(() => baseDelayMs(policy(), 0)).toThrow(RangeError);
    expect(() => baseDelayMs(policy(), 1.5)).toThrow(RangeError);
  });
});

describe("nextDelayMs", () => {
  it("none: the base delay, random ignored", () => {
    const p = policy({ jitterMode: "none" });
    expect(nextDelayMs(p, 1, fixed(0))).toBe(1000);
    expect(nextDelayMs(p, 3, fixed(0.999))).toBe(4000);
    expect(nextDelayMs(p, 20, fixed(0.5))).toBe(300_000);
  });

  it("proportional: uniform in base ± jitter", () => {
    const p = policy({ jitterMode: "proportional", jitter: 0.1 });
    expect(nextDelayMs(p, 1, fixed(0))).toBe(900);
    expect(nextDelayMs(p, 1, fixed(0.5))).toBe(1000);
    expect(nextDelayMs(p, 1, fixed(0.999))).toBe(1100); // 1099.8
    expect(nextDelayMs(p, 9, fixed(0.999))).toBe(281_549); // 256000 * 1.0998 = 281548.8
  });

  it("proportional: the jittered value is capped at the maximum delay", () => {
    const p = policy({ jitterMode: "proportional", jitter: 0.1 });
    expect(nextDelayMs(p, 10, fixed(0.999))).toBe(300_000);
    expect(nextDelayMs(p, 10, fixed(0))).toBe(270_000);
  });

  it("proportional with jitter 1 can reach zero but not go below", () => {
    const p = policy({ jitterMode: "proportional", jitter: 1 });
    expect(nextDelayMs(p, 2, fixed(0))).toBe(0);
    expect(nextDelayMs(p, 2, fixed(0.75))).toBe(3000);
  });

  it("full: uniform in [0, base]", () => {
    const p = policy({ jitterMode: "full" });
    expect(nextDelayMs(p, 1, fixed(0))).toBe(0);
    expect(nextDelayMs(p, 3, fixed(0.5))).toBe(2000);
    expect(nextDelayMs(p, 1, fixed(0.999))).toBe(999);
    expect(nextDelayMs(p, 30, fixed(0.999))).toBe(299_700);
  });

  it("decorrelated: uniform in [initial, 3 * previous], previous defaulting to initial", () => {
    const p = policy({ jitterMode: "decorrelated" });
    expect(nextDelayMs(p, 1, fixed(0))).toBe(1000);
    expect(nextDelayMs(p, 1, fixed(0.5))).toBe(2000);
    expect(nextDelayMs(p, 1, fixed(0.999))).toBe(2998);
    expect(nextDelayMs(p, 4, fixed(0.5), 50_000)).toBe(75_500);
  });

  it("decorrelated: capped at the maximum delay, never below the initial delay", () => {
    const p = policy({ jitterMode: "decorrelated" });
    expect(nextDelayMs(p, 6, fixed(0.5), 200_000)).toBe(300_000);
    // A previous delay under a third of the initial one must not pull the range below it.
    expect(nextDelayMs(p, 2, fixed(0.5), 100)).toBe(1000);
    expect(nextDelayMs(p, 2, fixed(0.999), 0)).toBe(1000);
  });

  it("decorrelated: ignores the exponential base", () => {
    const p = policy({ jitterMode: "decorrelated", exponentialBase: 10 });
    expect(nextDelayMs(p, 5, fixed(0.5), 4000)).toBe(6500);
  });
});

describe("delaySchedule and timeToGiveUpMs", () => {
  it("lists one gap per retry with the proportional band (default policy)", () => {
    expect(delaySchedule(policy())).toEqual([
      { attempt: 1, baseMs: 1000, minMs: 900, maxMs: 1100, cumulativeBaseMs: 1000, cumulativeMinMs: 900, cumulativeMaxMs: 1100 },
      { attempt: 2, baseMs: 2000, minMs: 1800, maxMs: 2200, cumulativeBaseMs: 3000, cumulativeMinMs: 2700, cumulativeMaxMs: 3300 },
      { attempt: 3, baseMs: 4000, minMs: 3600, maxMs: 4400, cumulativeBaseMs: 7000, cumulativeMinMs: 6300, cumulativeMaxMs: 7700 },
      { attempt: 4, baseMs: 8000, minMs: 7200, maxMs: 8800, cumulativeBaseMs: 15_000, cumulativeMinMs: 13_500, cumulativeMaxMs: 16_500 },
    ]);
    expect(timeToGiveUpMs(policy())).toEqual({ minMs: 13_500, maxMs: 16_500, baseMs: 15_000 });
  });

  it("none: the band is the base", () => {
    const steps = delaySchedule(policy({ jitterMode: "none", maxAttempts: 4, initialDelayMs: 500, exponentialBase: 3 }));
    expect(steps.map((s) => [s.baseMs, s.minMs, s.maxMs, s.cumulativeMaxMs])).toEqual([
      [500, 500, 500, 500],
      [1500, 1500, 1500, 2000],
      [4500, 4500, 4500, 6500],
    ]);
  });

  it("caps the band at the maximum delay", () => {
    const steps = delaySchedule(policy({ maxAttempts: 4, initialDelayMs: 1000, maxDelayMs: 4000 }));
    expect(steps.map((s) => [s.baseMs, s.minMs, s.maxMs])).toEqual([
      [1000, 900, 1100],
      [2000, 1800, 2200],
      [4000, 3600, 4000],
    ]);
  });

  it("full: the band starts at zero", () => {
    const steps = delaySchedule(policy({ jitterMode: "full", maxAttempts: 3 }));
    expect(steps.map((s) => [s.minMs, s.maxMs])).toEqual([
      [0, 1000],
      [0, 2000],
    ]);
    expect(timeToGiveUpMs(policy({ jitterMode: "full", maxAttempts: 3 }))).toEqual({ minMs: 0, maxMs: 3000, baseMs: 3000 });
  });

  it("decorrelated: [initial, min(max, 3^k initial)]", () => {
    const p = policy({ jitterMode: "decorrelated", maxAttempts: 5, maxDelayMs: 20_000 });
    expect(delaySchedule(p).map((s) => [s.minMs, s.maxMs])).toEqual([
      [1000, 3000],
      [1000, 9000],
      [1000, 20_000],
      [1000, 20_000],
    ]);
    expect(timeToGiveUpMs(p)).toEqual({ minMs: 4000, maxMs: 52_000, baseMs: 15_000 });
  });

  it("a single attempt has no gaps and gives up at once", () => {
    expect(delaySchedule(policy({ maxAttempts: 1 }))).toEqual([]);
    expect(timeToGiveUpMs(policy({ maxAttempts: 1 }))).toEqual({ minMs: 0, maxMs: 0, baseMs: 0 });
  });
});

const policyArb: fc.Arbitrary<RetryPolicy> = fc
  .record({
    maxAttempts: fc.integer({ min: 1, max: 100 }),
    initialDelayMs: fc.integer({ min: 0, max: 86_400_000 }),
    maxDelayMs: fc.integer({ min: 0, max: 604_800_000 }),
    exponentialBase: fc.double({ min: 1, max: 10, noNaN: true }),
    jitter: fc.double({ min: 0, max: 1, noNaN: true }),
    jitterMode: fc.constantFrom(...JITTER_MODES),
    timeoutMs: fc.integer({ min: 100, max: 300_000 }),
  })
  .map((p) => retryPolicySchema.parse({ ...p, maxDelayMs: Math.max(p.maxDelayMs, p.initialDelayMs) }));

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe("backoff properties", () => {
  it("every delay is a whole number in [0, maxDelayMs]", () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 1, max: 100 }), unit, fc.option(fc.integer({ min: 0, max: 604_800_000 })), (p, n, r, prev) => {
        const d = nextDelayMs(p, n, () => r, prev ?? undefined);
        return Number.isInteger(d) && d >= 0 && d <= p.maxDelayMs;
      }),
      { numRuns: 2000 },
    );
  });

  it("without jitter, delays never shrink as attempts go on", () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 1, max: 99 }), (p, n) => {
        const none = { ...p, jitterMode: "none" as const };
        return nextDelayMs(none, n + 1, () => 0.5) >= nextDelayMs(none, n, () => 0.5);
      }),
      { numRuns: 2000 },
    );
  });

  it("a chain of jittered delays stays inside the schedule's bands", () => {
    fc.assert(
      fc.property(policyArb, fc.array(unit, { minLength: 99, maxLength: 99 }), (p, draws) => {
        let previous: number | undefined;
        return delaySchedule(p).every((step, i) => {
          const d = nextDelayMs(p, step.attempt, () => draws[i], previous);
          previous = d;
          return d >= step.minMs && d <= step.maxMs;
        });
      }),
      { numRuns: 500 },
    );
  });

  it("the schedule has maxAttempts - 1 gaps whose totals add up", () => {
    fc.assert(
      fc.property(policyArb, (p) => {
        const steps = delaySchedule(p);
        const total = timeToGiveUpMs(p);
        const sum = (pick: (s: (typeof steps)[number]) => number) => steps.reduce((acc, s) => acc + pick(s), 0);
        return (
          steps.length === p.maxAttempts - 1 &&
          total.minMs === sum((s) => s.minMs) &&
          total.maxMs === sum((s) => s.maxMs) &&
          total.baseMs === sum((s) => s.baseMs) &&
          total.minMs <= total.maxMs
        );
      }),
      { numRuns: 500 },
    );
  });
});
