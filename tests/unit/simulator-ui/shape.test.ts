import { describe, expect, it } from "vitest";
import { retryPolicySchema, type RetryPolicyInput } from "@/lib/retry";
import { compare, compareInputSchema, simulate, simulationInputSchema, type SimulationInputRaw } from "@/lib/simulator";
import {
  bestRows,
  comparisonCharts,
  comparisonRows,
  cumulativeRows,
  distributionRows,
  expectedAttemptEndsMs,
  expectedGapsMs,
  schedulePreview,
  theoryShareAt,
} from "@/components/simulator/shape";

const policy = (input: RetryPolicyInput) => retryPolicySchema.parse(input);

describe("expectedGapsMs", () => {
  it("follows the base delays without jitter, capped at the maximum", () => {
    expect(expectedGapsMs(policy({ maxAttempts: 6, initialDelayMs: 1000, maxDelayMs: 10_000, jitterMode: "none" }))).toEqual([1000, 2000, 4000, 8000, 10_000]);
  });

  it("halves them under full jitter and keeps their mean under proportional jitter", () => {
    expect(expectedGapsMs(policy({ maxAttempts: 3, initialDelayMs: 1000, jitterMode: "full" }))).toEqual([500, 1000]);
    expect(expectedGapsMs(policy({ maxAttempts: 3, initialDelayMs: 1000, jitter: 0.5, jitterMode: "proportional" }))).toEqual([1000, 2000]);
  });

  it("lowers the mean of a proportional band the cap cuts through", () => {
    // Uniform on [500, 1500] capped at 1000: half the mass at 1000, half averaging 750.
    expect(expectedGapsMs(policy({ maxAttempts: 2, initialDelayMs: 1000, maxDelayMs: 1000, jitter: 0.5 }))).toEqual([875]);
  });

  it("grows decorrelated gaps from the previous mean", () => {
    // [1000, 3000] → 2000; [1000, 6000] → 3500.
    expect(expectedGapsMs(policy({ maxAttempts: 3, initialDelayMs: 1000, jitterMode: "decorrelated" }))).toEqual([2000, 3500]);
  });
});

describe("the closed form on the time axis", () => {
  const p5 = policy({ maxAttempts: 3, initialDelayMs: 1000, jitterMode: "none", timeoutMs: 5000 });

  it("ends attempt k after k-1 failures and their gaps", () => {
    // A failed attempt lasts 100 ms (errors) or 5 s (timeouts), weighted 3:1.
    const ends = expectedAttemptEndsMs(p5, { failureRate: 0.3, timeoutRate: 0.1, responseTimeMs: 100 });
    const failed = (0.3 * 100 + 0.1 * 5000) / 0.4;
    expect(ends).toEqual([100, failed + 1000 + 100, 2 * failed + 3000 + 100]);
  });

  it("steps 1 - p^k at each end", () => {
    const ends = [100, 1000, 3000];
    expect(theoryShareAt(ends, 0.5, 50)).toBe(0);
    expect(theoryShareAt(ends, 0.5, 100)).toBe(0.5);
    expect(theoryShareAt(ends, 0.5, 2999)).toBe(0.75);
    expect(theoryShareAt(ends, 0.5, 1e9)).toBe(0.875);
  });

  it("matches the simulation without jitter, timeouts or outages", () => {
    const input = simulationInputSchema.parse({ failureRate: 0.4, timeoutRate: 0, deliveries: 20_000, seed: 3, policy: { maxAttempts: 4, jitterMode: "none" } });
    const result = simulate(input);
    const rows = cumulativeRows(input, result);
    const last = rows[rows.length - 1];
    expect(last.theory).toBeCloseTo(1 - 0.4 ** 4, 12);
    expect(last.simulated).toBeCloseTo(result.successRate, 12);
    // Every delivery lands exactly on an attempt end here, so the curves agree within sampling noise.
    for (const row of rows) expect(Math.abs(row.simulated - row.theory)).toBeLessThan(0.02);
  });

  it("runs on past the simulation when the closed form still rises", () => {
    const input = simulationInputSchema.parse({ failureRate: 0.01, timeoutRate: 0, deliveries: 10, seed: 1, policy: { maxAttempts: 3, jitterMode: "none" } });
    const result = simulate(input);
    expect(result.delivered).toBe(10);
    const rows = cumulativeRows(input, result);
    const last = rows[rows.length - 1];
    expect(last.tMs).toBe(expectedAttemptEndsMs(input.policy, input)[2]);
    expect(last.simulated).toBe(1);
    expect(last.theory).toBeCloseTo(1 - 0.01 ** 3, 12);
  });
});

describe("distributionRows", () => {
  it("expects every delivery to end at some attempt", () => {
    const input = simulationInputSchema.parse({ failureRate: 0.5, timeoutRate: 0.1, deliveries: 1000, policy: { maxAttempts: 5 } });
    const rows = distributionRows(simulate(input));
    expect(rows.map((r) => r.attempts)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.reduce((sum, r) => sum + r.expected, 0)).toBeCloseTo(1000, 9);
    expect(rows[4].expected).toBeCloseTo(1000 * (0.6 ** 4 * 0.4 + 0.6 ** 5), 9);
    expect(rows.reduce((sum, r) => sum + r.delivered + r.deadLettered, 0)).toBe(1000);
  });
});

describe("comparison", () => {
  const scenario: Omit<SimulationInputRaw, "policy"> = { failureRate: 0.3, timeoutRate: 0, deliveries: 2000, seed: 5, arrivalWindowMs: 60_000 };
  const entries = compare(
    compareInputSchema.parse({
      ...scenario,
      policies: [
        { label: "Quick.retry", policy: { maxAttempts: 2, jitterMode: "none" } },
        { label: "Patient", policy: { maxAttempts: 6, jitterMode: "none" } },
      ],
    }),
  );

  it("joins the series by time under keys recharts cannot misread", () => {
    const charts = comparisonCharts(entries);
    expect(charts.series).toEqual([
      { key: "s0", label: "Quick.retry" },
      { key: "s1", label: "Patient" },
    ]);
    expect(charts.cumulative).toHaveLength(entries[0].result.cumulativeDelivered.length);
    expect(charts.cumulative[10]).toEqual({
      tMs: entries[0].result.cumulativeDelivered[10].tMs,
      s0: entries[0].result.cumulativeDelivered[10].share,
      s1: entries[1].result.cumulativeDelivered[10].share,
    });
    expect(charts.load.map((r) => r.tMs)).toEqual(entries[1].result.load.map((p) => p.tMs));
  });

  it("tabulates each policy and marks the best value of a column", () => {
    const rows = comparisonRows(entries);
    expect(rows.map((r) => r.label)).toEqual(["Quick.retry", "Patient"]);
    expect(rows[1].successRate).toBeGreaterThan(rows[0].successRate);
    expect(bestRows(rows, (r) => r.successRate, "higher")).toEqual([1]);
    expect(bestRows(rows, (r) => r.meanAttempts, "lower")).toEqual([0]);
    expect(bestRows([rows[0], rows[0]], (r) => r.successRate, "higher")).toEqual([]);
  });
});

describe("schedulePreview", () => {
  it("lists the first gaps and counts the rest", () => {
    const preview = schedulePreview(policy({ maxAttempts: 10, initialDelayMs: 1000, jitterMode: "none" }), 3);
    expect(preview.gapsMs).toEqual([1000, 2000, 4000]);
    expect(preview.moreGaps).toBe(6);
    // 1 + 2 + ... + 256 s.
    expect(preview.giveUp.baseMs).toBe(511_000);
  });
});
