import { closedForm, type ClosedForm } from "./theory";
import { axesFor, type Axes } from "./axes";
import { runDeliveries, type LoadGrid, type RawRun, type SampledDelivery } from "./run";
import type { SimulationInput } from "./schema";
import { cumulativeCurve, durationStats, type CumulativePoint, type DurationStats } from "./stats";

export interface AttemptCount {
  attempts: number;
  delivered: number;
  deadLettered: number;
}

export interface LoadPoint {
  /** Start of the bucket on the virtual clock (0 = start of the arrival window). */
  tMs: number;
  attempts: number;
  /** attempts scaled to a one-minute rate, so buckets of any size read the same way. */
  perMinute: number;
}

export interface SimulationTheory extends ClosedForm {
  expectedDelivered: number;
  /** True when outage windows were simulated: the closed form knows nothing about them. */
  outagesIgnored: boolean;
}

export interface SimulationResult {
  deliveries: number;
  delivered: number;
  deadLettered: number;
  successRate: number;
  /** Attempts per delivery, delivered or dead-lettered (comparable to theory.expectedAttempts). */
  meanAttempts: number;
  totalAttempts: number;
  /** One row per attempt count 1..maxAttempts. */
  attemptDistribution: AttemptCount[];
  /** From arrival to the end of the successful attempt; delivered only; null if none was. */
  timeToDeliveryMs: DurationStats | null;
  /** Share of all deliveries delivered within tMs of their arrival. */
  cumulativeDelivered: CumulativePoint[];
  bucketMs: number;
  /** Attempts started per bucket: shows the retry storm after an outage ends. */
  load: LoadPoint[];
  peakLoad: LoadPoint;
  /** The latest attempt start on the virtual clock. */
  horizonMs: number;
  theory: SimulationTheory;
  /** The first deliveries' attempts, for timeline views and tests of the gaps. */
  timelineSample: SampledDelivery[];
}

function summarize(input: SimulationInput, run: RawRun, grid: LoadGrid, axes: Axes): SimulationResult {
  const { maxAttempts } = input.policy;
  const attemptDistribution: AttemptCount[] = [];
  for (let k = 1; k <= maxAttempts; k++) {
    attemptDistribution.push({
      attempts: k,
      delivered: run.deliveredByAttempts[k - 1],
      deadLettered: run.deadByAttempts[k - 1],
    });
  }

  const load: LoadPoint[] = [];
  let peakLoad: LoadPoint = { tMs: 0, attempts: 0, perMinute: 0 };
  for (let b = 0; b < grid.counts.length; b++) {
    const attempts = grid.counts[b];
    const point = { tMs: b * grid.bucketMs, attempts, perMinute: (attempts * 60_000) / grid.bucketMs };
    load.push(point);
    if (attempts > peakLoad.attempts) peakLoad = point;
  }

  const form = closedForm(input.failureRate + input.timeoutRate, maxAttempts);
  return {
    deliveries: run.deliveries,
    delivered: run.delivered,
    deadLettered: run.deadLettered,
    successRate: run.delivered / run.deliveries,
    meanAttempts: run.totalAttempts / run.deliveries,
    totalAttempts: run.totalAttempts,
    attemptDistribution,
    timeToDeliveryMs: durationStats(run.timesToDelivery),
    cumulativeDelivered: cumulativeCurve(run.timesToDelivery, run.deliveries, axes.cumulativeStepMs, axes.cumulativeSteps),
    bucketMs: grid.bucketMs,
    load,
    peakLoad,
    horizonMs: run.lastAttemptStartMs,
    theory: {
      ...form,
      expectedDelivered: form.successWithinMaxAttempts * run.deliveries,
      outagesIgnored: input.outages.length > 0,
    },
    timelineSample: run.timelineSample,
  };
}

/**
 * A run on given axes. The load histogram needs its bucket size before the run, and the
 * bucket size depends on how long the run lasts, so callers first run without a grid
 * (`runDeliveries(input, null)`) and then here; the runs are identical, being seeded.
 */
export function simulateOnAxes(input: SimulationInput, axes: Axes): SimulationResult {
  const grid: LoadGrid = { bucketMs: axes.bucketMs, counts: new Float64Array(axes.loadBuckets) };
  return summarize(input, runDeliveries(input, grid), grid, axes);
}

/** Simulates input.deliveries deliveries; the same input always gives the same result. */
export function simulate(input: SimulationInput): SimulationResult {
  return simulateOnAxes(input, axesFor([runDeliveries(input, null)]));
}
