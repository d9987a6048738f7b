import { describe, expect, it } from "vitest";
import { compare, simulate } from "@/lib/simulator";
import { comparison, scenario } from "./helpers";

const endpoint = { failureRate: 0.45, timeoutRate: 0.05, deliveries: 3000, arrivalWindowMs: 120_000, seed: 7 };

describe("compare", () => {
  it("returns one labelled result per policy, in order", () => {
    const entries = compare(
      comparison({ ...endpoint, policies: [{ label: "default", policy: {} }, { label: "patient", policy: { maxAttempts: 8 } }] }),
    );
    expect(entries.map((e) => e.label)).toEqual(["default", "patient"]);
    expect(entries[1].result.attemptDistribution).toHaveLength(8);
  });

  it("a policy compared alone equals its plain simulation", () => {
    const [entry] = compare(comparison({ ...endpoint, policies: [{ label: "only", policy: { maxAttempts: 4 } }] }));
    expect(entry.result).toEqual(simulate(scenario({ ...endpoint, policy: { maxAttempts: 4 } })));
  });

  it("every policy sees the same endpoint behaviour per attempt number", () => {
    const [short, long, full] = compare(
      comparison({
        ...endpoint,
        policies: [
          { label: "3 attempts", policy: { maxAttempts: 3 } },
          { label: "6 attempts", policy: { maxAttempts: 6, initialDelayMs: 5000 } },
          { label: "full jitter", policy: { maxAttempts: 3, jitterMode: "full" } },
        ],
      }),
    );
    // Same draws for attempts 1 and 2, whatever the timing: identical counts there.
    for (const k of [0, 1]) {
      expect(long.result.attemptDistribution[k].delivered).toBe(short.result.attemptDistribution[k].delivered);
    }
    // The third attempt succeeds for the same deliveries; the short policy dead-letters the rest,
    // which the long one goes on to retry.
    expect(long.result.attemptDistribution[2].delivered).toBe(short.result.attemptDistribution[2].delivered);
    expect(long.result.delivered).toBeGreaterThan(short.result.delivered);
    // Jitter changes when attempts happen, not whether they succeed.
    expect(full.result.attemptDistribution).toEqual(short.result.attemptDistribution);
    expect(full.result.timeToDeliveryMs).not.toEqual(short.result.timeToDeliveryMs);
  });

  it("puts every result on the same time axes", () => {
    const entries = compare(
      comparison({
        ...endpoint,
        policies: [
          { label: "quick", policy: { maxAttempts: 2, initialDelayMs: 100 } },
          { label: "slow", policy: { maxAttempts: 8, initialDelayMs: 30_000 } },
        ],
      }),
    );
    const [quick, slow] = entries.map((e) => e.result);
    expect(quick.bucketMs).toBe(slow.bucketMs);
    expect(quick.load.map((p) => p.tMs)).toEqual(slow.load.map((p) => p.tMs));
    expect(quick.cumulativeDelivered.map((p) => p.tMs)).toEqual(slow.cumulativeDelivered.map((p) => p.tMs));
    // The axes reach the slower policy's horizon; the quick one's load is zero out there.
    expect(quick.load.at(-1)!.tMs).toBeGreaterThan(quick.horizonMs);
    expect(quick.load.at(-1)!.attempts).toBe(0);
    expect(quick.load.reduce((sum, p) => sum + p.attempts, 0)).toBe(quick.totalAttempts);
  });

  it("is deterministic", () => {
    const input = comparison({ ...endpoint, policies: [{ label: "a", policy: {} }, { label: "b", policy: { jitterMode: "decorrelated" } }] });
    expect(compare(input)).toEqual(compare(input));
  });
});
