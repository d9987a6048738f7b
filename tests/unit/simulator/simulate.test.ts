import { describe, expect, it } from "vitest";
import { delaySchedule, timeToGiveUpMs } from "@/lib/retry";
import { simulate, type SimulationResult } from "@/lib/simulator";
import { attemptLaw, binomialTolerance, scenario } from "./helpers";

/** Gaps between attempt starts in the sampled timelines, as [duration, gap] pairs per step. */
function gaps(result: SimulationResult): Array<{ attempt: number; durationMs: number; gapMs: number; delayAfterMs: number | null }> {
  const out = [];
  for (const delivery of result.timelineSample) {
    for (let i = 0; i + 1 < delivery.attempts.length; i++) {
      const a = delivery.attempts[i];
      out.push({
        attempt: a.attempt,
        durationMs: a.durationMs,
        gapMs: delivery.attempts[i + 1].startMs - a.startMs,
        delayAfterMs: a.delayAfterMs,
      });
    }
  }
  return out;
}

describe("simulate: determinism", () => {
  const input = scenario({ policy: {}, failureRate: 0.4, timeoutRate: 0.1, deliveries: 2000, arrivalWindowMs: 60_000 });

  it("gives the same result for the same seed", () => {
    expect(simulate(input)).toEqual(simulate({ ...input }));
  });

  it("gives a different result for a different seed", () => {
    const a = simulate(input);
    const b = simulate({ ...input, seed: 2 });
    expect(b.timelineSample).not.toEqual(a.timelineSample);
    expect([b.delivered, b.totalAttempts]).not.toEqual([a.delivered, a.totalAttempts]);
  });
});

describe("simulate: agreement with the closed form", () => {
  const N = 20_000;
  const Z = 5;
  const cases: Array<[failureRate: number, timeoutRate: number, maxAttempts: number]> = [
    [0.5, 0, 3],
    [0.3, 0.2, 5],
    [0.7, 0.1, 4],
    [0.6, 0, 2],
    [0.8, 0.05, 10],
    [0.35, 0.15, 1],
  ];

  it.each(cases)("failure %s, timeout %s, %s attempts", (failureRate, timeoutRate, maxAttempts) => {
    const p = failureRate + timeoutRate;
    const result = simulate(
      scenario({ policy: { maxAttempts }, failureRate, timeoutRate, deliveries: N, seed: 11 }),
    );
    const { theory } = result;
    const q = 1 - Math.pow(p, maxAttempts);
    expect(theory.successWithinMaxAttempts).toBeCloseTo(q, 12);

    // Tight enough to notice one attempt too many or too few.
    const tolerance = binomialTolerance(N, q, Z) / N;
    const neighbours = [1 - Math.pow(p, maxAttempts + 1), maxAttempts > 1 ? 1 - Math.pow(p, maxAttempts - 1) : 0];
    for (const neighbour of neighbours) expect(Math.abs(neighbour - q)).toBeGreaterThan(2 * tolerance);
    expect(Math.abs(result.successRate - q)).toBeLessThan(tolerance);
    expect(result.delivered + result.deadLettered).toBe(N);

    const law = attemptLaw(p, maxAttempts);
    expect(theory.expectedAttempts).toBeCloseTo(law.mean, 12);
    expect(Math.abs(result.meanAttempts - law.mean)).toBeLessThan(Z * Math.sqrt(law.variance / N) + 1e-12);

    // Each attempt count: delivered at k with p^(k-1)(1-p); dead only at the last attempt.
    result.attemptDistribution.forEach((row, i) => {
      const k = i + 1;
      expect(row.attempts).toBe(k);
      const pk = theory.deliveredAtAttempt[i];
      expect(Math.abs(row.delivered - N * pk)).toBeLessThanOrEqual(binomialTolerance(N, pk, Z) + 1);
      const dead = k === maxAttempts ? Math.pow(p, maxAttempts) : 0;
      expect(Math.abs(row.deadLettered - N * dead)).toBeLessThanOrEqual(binomialTolerance(N, dead, Z) + 1);
    });
    expect(result.attemptDistribution).toHaveLength(maxAttempts);
    expect(result.totalAttempts).toBe(
      result.attemptDistribution.reduce((sum, row) => sum + row.attempts * (row.delivered + row.deadLettered), 0),
    );
  });

  it("flags that the closed form ignores outages", () => {
    const base = { policy: {}, failureRate: 0.1, timeoutRate: 0 };
    expect(simulate(scenario(base)).theory.outagesIgnored).toBe(false);
    expect(simulate(scenario({ ...base, outages: [{ startMs: 0, endMs: 10 }] })).theory.outagesIgnored).toBe(true);
  });
});

describe("simulate: timeline", () => {
  it("without jitter, the gap between attempt starts is the attempt's duration plus the scheduled delay", () => {
    const input = scenario({
      policy: { jitterMode: "none", maxAttempts: 6, initialDelayMs: 500, exponentialBase: 3, maxDelayMs: 20_000, timeoutMs: 2000 },
      failureRate: 0.5,
      timeoutRate: 0.5,
      responseTimeMs: 40,
      deliveries: 20,
    });
    const result = simulate(input);
    const schedule = delaySchedule(input.policy);
    const steps = gaps(result);
    expect(steps).toHaveLength(20 * 5); // every attempt fails, so every sample has six attempts
    const durations = new Set<number>();
    for (const step of steps) {
      durations.add(step.durationMs);
      expect(step.delayAfterMs).toBe(schedule[step.attempt - 1].baseMs);
      expect(step.gapMs).toBe(step.durationMs + schedule[step.attempt - 1].baseMs);
    }
    expect([...durations].sort()).toEqual([2000, 40]); // both failures (40 ms) and timeouts (2000 ms) occurred
    expect(schedule.map((s) => s.baseMs)).toEqual([500, 1500, 4500, 13_500, 20_000]);
    for (const delivery of result.timelineSample) {
      expect(delivery.status).toBe("dead");
      expect(delivery.attempts.at(-1)?.delayAfterMs).toBeNull();
    }
  });

  it("with jitter, every gap stays inside the schedule's band", () => {
    for (const jitterMode of ["proportional", "full", "decorrelated"] as const) {
      const input = scenario({
        policy: { jitterMode, maxAttempts: 8, jitter: 0.3 },
        failureRate: 0.9,
        timeoutRate: 0,
        deliveries: 20,
      });
      const schedule = delaySchedule(input.policy);
      for (const step of gaps(simulate(input))) {
        const band = schedule[step.attempt - 1];
        expect(step.gapMs - step.durationMs).toBeGreaterThanOrEqual(band.minMs);
        expect(step.gapMs - step.durationMs).toBeLessThanOrEqual(band.maxMs);
      }
    }
  });

  it("cuts a response slower than the timeout to the timeout", () => {
    const result = simulate(
      scenario({ policy: { timeoutMs: 500 }, failureRate: 1, timeoutRate: 0, responseTimeMs: 5000, deliveries: 1 }),
    );
    expect(result.timelineSample[0].attempts.every((a) => a.durationMs === 500)).toBe(true);
  });
});

describe("simulate: outages", () => {
  const healthy = { failureRate: 0, timeoutRate: 0, responseTimeMs: 100 };

  it("dead-letters every delivery when an outage covers its whole retry horizon", () => {
    const input = scenario({
      ...healthy,
      policy: {},
      deliveries: 500,
      arrivalWindowMs: 30_000,
      outages: [{ startMs: 0, endMs: 60_000 }],
    });
    // Last attempt of the latest arrival: 30 s + at most 16.5 s of backoff + 4 × 100 ms.
    expect(30_000 + timeToGiveUpMs(input.policy).maxMs + 4 * 100).toBeLessThan(60_000);
    const result = simulate(input);
    expect(result.deadLettered).toBe(500);
    expect(result.delivered).toBe(0);
    expect(result.attemptDistribution.at(-1)).toEqual({ attempts: 5, delivered: 0, deadLettered: 500 });
    expect(result.timeToDeliveryMs).toBeNull();
    expect(result.cumulativeDelivered.every((point) => point.share === 0)).toBe(true);
    expect(result.timelineSample.flatMap((d) => d.attempts).every((a) => a.result === "outage")).toBe(true);
  });

  it("delivers on the first attempt after an outage has ended", () => {
    const input = scenario({
      ...healthy,
      policy: { jitterMode: "none" },
      deliveries: 300,
      outages: [{ startMs: 0, endMs: 5000 }],
    });
    // Attempts start at 0, 1100, 3200 (inside the outage) and 7300 (after it).
    const result = simulate(input);
    expect(result.delivered).toBe(300);
    expect(result.attemptDistribution.map((row) => row.delivered)).toEqual([0, 0, 0, 300, 0]);
    expect(result.timeToDeliveryMs).toEqual({ mean: 7400, p50: 7400, p95: 7400, p99: 7400, max: 7400 });
    expect(result.timelineSample[0].attempts.map((a) => [a.startMs, a.result])).toEqual([
      [0, "outage"],
      [1100, "outage"],
      [3200, "outage"],
      [7300, "success"],
    ]);
  });

  it("splits deliveries around an outage by their arrival time", () => {
    const input = scenario({
      ...healthy,
      policy: {},
      deliveries: 2000,
      arrivalWindowMs: 120_000,
      outages: [{ startMs: 0, endMs: 60_000 }],
    });
    const result = simulate(input);
    const horizon = timeToGiveUpMs(input.policy).maxMs + 4 * 100;
    let dead = 0;
    let after = 0;
    for (const delivery of result.timelineSample) {
      if (delivery.arrivalMs >= 60_000) {
        after++;
        expect(delivery.status).toBe("delivered");
        expect(delivery.attempts).toHaveLength(1);
      } else if (delivery.arrivalMs + horizon < 60_000) {
        dead++;
        expect(delivery.status).toBe("dead");
      }
    }
    expect(dead).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
    // About half arrive during the outage and nearly all of those die.
    expect(result.deadLettered / 2000).toBeGreaterThan(0.35);
    expect(result.deadLettered / 2000).toBeLessThan(0.5);
  });

  it("shows the retry storm: load builds up during an outage and drains right after it", () => {
    // Retries every minute: a delivery that arrived during the outage retries once per minute
    // until the first attempt after it ends, so each minute of the outage adds one more wave.
    const input = scenario({
      ...healthy,
      policy: { maxAttempts: 10, jitterMode: "none", initialDelayMs: 60_000, exponentialBase: 1 },
      deliveries: 6000,
      arrivalWindowMs: 600_000,
      outages: [{ startMs: 0, endMs: 300_000 }],
    });
    const result = simulate(input);
    expect(result.bucketMs).toBe(5000);
    const steady = (6000 * result.bucketMs) / 600_000; // arrivals per bucket
    const mean = (from: number, to: number) => {
      const points = result.load.filter((p) => p.tMs >= from && p.tMs < to);
      return points.reduce((sum, p) => sum + p.attempts, 0) / points.length;
    };
    // Minute m of the outage carries about m + 1 waves; the minute after it, six.
    for (let minute = 0; minute < 5; minute++) {
      expect(mean(minute * 60_000, (minute + 1) * 60_000) / steady).toBeCloseTo(minute + 1, 0);
    }
    expect(mean(300_000, 360_000) / steady).toBeCloseTo(6, 0);
    expect(mean(360_000, 600_000) / steady).toBeCloseTo(1, 0);
    expect(result.peakLoad.tMs).toBeGreaterThanOrEqual(240_000);
    expect(result.peakLoad.tMs).toBeLessThan(360_000);
    expect(result.peakLoad.attempts).toBe(Math.max(...result.load.map((p) => p.attempts)));
    expect(result.delivered).toBe(6000);
  });
});

describe("simulate: chart series", () => {
  const result = simulate(
    scenario({ policy: {}, failureRate: 0.3, timeoutRate: 0.05, deliveries: 5000, arrivalWindowMs: 3_600_000 }),
  );

  it("load buckets cover the horizon and add up to every attempt", () => {
    expect(result.bucketMs).toBe(60_000); // an hour of arrivals: per-minute buckets
    expect(result.load.reduce((sum, p) => sum + p.attempts, 0)).toBe(result.totalAttempts);
    result.load.forEach((p, i) => {
      expect(p.tMs).toBe(i * result.bucketMs);
      expect(p.perMinute).toBe(p.attempts);
    });
    expect(result.load.at(-1)!.tMs).toBeLessThanOrEqual(result.horizonMs);
    expect(result.load.length).toBeGreaterThanOrEqual(60);
    expect(result.load.length).toBeLessThanOrEqual(121);
  });

  it("uses smaller buckets for a short horizon and reports the per-minute rate", () => {
    const short = simulate(scenario({ policy: {}, failureRate: 0.5, timeoutRate: 0, deliveries: 1000 }));
    expect(short.bucketMs).toBeLessThan(60_000);
    for (const p of short.load) expect(p.perMinute).toBeCloseTo((p.attempts * 60_000) / short.bucketMs, 9);
  });

  it("the cumulative curve rises from the first-attempt share to the success rate", () => {
    const curve = result.cumulativeDelivered;
    expect(curve.length).toBeGreaterThanOrEqual(60);
    expect(curve.length).toBeLessThanOrEqual(121);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].tMs).toBeGreaterThan(curve[i - 1].tMs);
      expect(curve[i].share).toBeGreaterThanOrEqual(curve[i - 1].share);
    }
    expect(curve.at(-1)!.share).toBe(result.successRate);
    expect(curve.at(-1)!.tMs).toBeGreaterThanOrEqual(result.timeToDeliveryMs!.max);
  });

  it("time statistics are ordered", () => {
    const t = result.timeToDeliveryMs!;
    expect(t.p50).toBeLessThanOrEqual(t.p95);
    expect(t.p95).toBeLessThanOrEqual(t.p99);
    expect(t.p99).toBeLessThanOrEqual(t.max);
    expect(t.mean).toBeLessThanOrEqual(t.max);
    expect(t.p50).toBe(100); // most deliveries succeed at once, after one response time
  });
});

describe("simulate: reference scenario (failure 0.5, timeout 0.1, 5 attempts, 100 deliveries, seed 1)", () => {
  const input = scenario({ policy: { maxAttempts: 5 }, failureRate: 0.5, timeoutRate: 0.1, deliveries: 100, seed: 1 });
  const result = simulate(input);
  const Z = 4.5;

  it("states the theory: 1 - 0.6^5 = 0.92224", () => {
    expect(result.theory.perAttemptFailure).toBeCloseTo(0.6, 12);
    expect(result.theory.successWithinMaxAttempts).toBeCloseTo(0.92224, 12);
    expect(result.theory.expectedAttempts).toBeCloseTo(2.3056, 12);
    expect(result.theory.expectedDelivered).toBeCloseTo(92.224, 9);
  });

  it("has a success rate within the binomial tolerance", () => {
    expect(Math.abs(result.delivered - 92.224)).toBeLessThanOrEqual(binomialTolerance(100, 0.92224, Z));
  });

  it("has an attempt distribution within the binomial tolerance per attempt count", () => {
    const law = attemptLaw(0.6, 5);
    result.attemptDistribution.forEach((row, i) => {
      const total = row.delivered + row.deadLettered;
      expect(Math.abs(total - 100 * law.probabilities[i])).toBeLessThanOrEqual(binomialTolerance(100, law.probabilities[i], Z));
    });
    expect(Math.abs(result.meanAttempts - law.mean)).toBeLessThanOrEqual(Z * Math.sqrt(law.variance / 100));
  });

  it("has times to delivery consistent with the schedule and the timeout share", () => {
    // A failed attempt is a timeout with probability 0.1 / 0.6; the rest fail after 100 ms.
    const schedule = delaySchedule(input.policy);
    const cumulativeBase = [0, ...schedule.map((s) => s.cumulativeBaseMs)];
    const law = attemptLaw(0.6, 5);
    const shareTimeout = 0.1 / 0.6;
    let mean = 0;
    let second = 0;
    let deliveredShare = 0;
    for (let k = 1; k <= 5; k++) {
      const pk = Math.pow(0.6, k - 1) * 0.4;
      deliveredShare += pk;
      // Number of timeouts among the k-1 failures: Binomial(k-1, 1/6).
      for (let j = 0; j <= k - 1; j++) {
        const choose = factorial(k - 1) / (factorial(j) * factorial(k - 1 - j));
        const pj = choose * Math.pow(shareTimeout, j) * Math.pow(1 - shareTimeout, k - 1 - j);
        const time = 100 * (k - j) + 30_000 * j + cumulativeBase[k - 1];
        mean += pk * pj * time;
        second += pk * pj * time * time;
      }
    }
    expect(law.probabilities[0]).toBeCloseTo(0.4, 12);
    mean /= deliveredShare;
    const sd = Math.sqrt(second / deliveredShare - mean * mean);
    const stats = result.timeToDeliveryMs!;
    // Proportional jitter moves the total backoff by at most 10% of 15 s.
    expect(Math.abs(stats.mean - mean)).toBeLessThanOrEqual((Z * sd) / Math.sqrt(result.delivered) + 1500);
    // Bounds: first-attempt success (100 ms) up to four timeouts plus the widest backoff.
    const { maxMs } = timeToGiveUpMs(input.policy);
    expect(result.cumulativeDelivered.find((p) => p.tMs >= 100)!.share).toBeGreaterThan(0);
    expect(stats.max).toBeLessThanOrEqual(4 * 30_000 + 100 + maxMs);
    expect(stats.p50).toBeGreaterThanOrEqual(100);
    // Share delivered on the first attempt (within 100 ms) matches its binomial band.
    const first = result.cumulativeDelivered.filter((p) => p.tMs < 1000).at(-1)!.share * 100;
    expect(Math.abs(first - 40)).toBeLessThanOrEqual(binomialTolerance(100, 0.4, Z));
  });
});

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
