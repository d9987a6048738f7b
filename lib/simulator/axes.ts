import type { RawRun } from "./run";

/**
 * Time axes for the charts. Compared runs share one set of axes, so their series line up
 * point for point in one chart.
 */
export interface Axes {
  bucketMs: number;
  loadBuckets: number;
  cumulativeStepMs: number;
  cumulativeSteps: number;
}

/** Bucket sizes that make readable tick labels; a minute is preferred (the load is "per minute"). */
export const LOAD_BUCKET_SIZES_MS: readonly number[] = [
  100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 604_800_000,
];

/** More buckets than this and a chart turns into noise; fewer than ~20 and a storm is a single bar. */
export const MAX_LOAD_BUCKETS = 120;
export const CUMULATIVE_STEPS = 100;

/** The smallest readable bucket that covers [0, horizonMs] in at most MAX_LOAD_BUCKETS buckets. */
export function loadBucketMs(horizonMs: number): number {
  for (const size of LOAD_BUCKET_SIZES_MS) {
    if (Math.floor(horizonMs / size) + 1 <= MAX_LOAD_BUCKETS) return size;
  }
  const largest = LOAD_BUCKET_SIZES_MS[LOAD_BUCKET_SIZES_MS.length - 1];
  return largest * Math.ceil((horizonMs + 1) / (largest * MAX_LOAD_BUCKETS));
}

export function axesFor(runs: readonly RawRun[]): Axes {
  let horizonMs = 0;
  let longestDeliveryMs = 0;
  for (const run of runs) {
    horizonMs = Math.max(horizonMs, run.lastAttemptStartMs);
    const n = run.timesToDelivery.length;
    if (n > 0) longestDeliveryMs = Math.max(longestDeliveryMs, run.timesToDelivery[n - 1]);
  }
  const bucketMs = loadBucketMs(horizonMs);
  return {
    bucketMs,
    loadBuckets: Math.floor(horizonMs / bucketMs) + 1,
    cumulativeStepMs: Math.max(1, Math.ceil(longestDeliveryMs / CUMULATIVE_STEPS)),
    cumulativeSteps: CUMULATIVE_STEPS,
  };
}
