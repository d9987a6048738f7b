import { baseDelayMs, timeToGiveUpMs, type GiveUpTime, type RetryPolicy } from "@/lib/retry";
import type { ComparisonEntry, SimulationInput, SimulationResult } from "@/lib/simulator";

/*
 * Chart data shaping for the simulator page: pure functions from API results to the rows
 * recharts draws, kept out of the components so they can be tested exactly.
 */

/** The mean of min(cap, X) for X uniform on [lo, hi]: a jittered delay clamped to the policy's maximum. */
function cappedUniformMean(lo: number, hi: number, cap: number): number {
  if (hi <= cap) return (lo + hi) / 2;
  if (lo >= cap) return cap;
  return ((cap - lo) * ((lo + cap) / 2) + (hi - cap) * cap) / (hi - lo);
}

/**
 * The average wait after each failed attempt (maxAttempts - 1 gaps) under the policy's
 * jitter mode. Decorrelated jitter grows from the previous delay; it is followed through its
 * mean, which is close but not exact (the mean of a cap is not the cap of the mean).
 */
export function expectedGapsMs(policy: RetryPolicy): number[] {
  const gaps: number[] = [];
  let previous = policy.initialDelayMs;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) {
    const base = baseDelayMs(policy, attempt);
    let gap: number;
    switch (policy.jitterMode) {
      case "none":
        gap = base;
        break;
      case "proportional":
        gap = cappedUniformMean(base * (1 - policy.jitter), base * (1 + policy.jitter), policy.maxDelayMs);
        break;
      case "full":
        gap = base / 2;
        break;
      case "decorrelated":
        gap = cappedUniformMean(policy.initialDelayMs, Math.max(policy.initialDelayMs, 3 * previous), policy.maxDelayMs);
        break;
    }
    gaps.push(gap);
    previous = gap;
  }
  return gaps;
}

export interface EndpointBehaviour {
  failureRate: number;
  timeoutRate: number;
  responseTimeMs: number;
}

/**
 * When, after arrival, attempt k would end if it were the one to succeed: every earlier
 * attempt failed (taking the response time, or the timeout when it timed out) and was
 * followed by its average gap. These place the closed form 1 - p^k on the time axis.
 */
export function expectedAttemptEndsMs(policy: RetryPolicy, endpoint: EndpointBehaviour): number[] {
  const p = endpoint.failureRate + endpoint.timeoutRate;
  const responseMs = Math.min(endpoint.responseTimeMs, policy.timeoutMs);
  const failedMs = p > 0 ? (endpoint.failureRate * responseMs + endpoint.timeoutRate * policy.timeoutMs) / p : responseMs;
  const gaps = expectedGapsMs(policy);
  const ends: number[] = [];
  let start = 0;
  for (let k = 1; k <= policy.maxAttempts; k++) {
    ends.push(start + responseMs);
    if (k < policy.maxAttempts) start += failedMs + gaps[k - 1];
  }
  return ends;
}

/** 1 - p^k, where k is the number of attempts expected to have ended by tMs. */
export function theoryShareAt(ends: readonly number[], perAttemptFailure: number, tMs: number): number {
  let k = 0;
  while (k < ends.length && ends[k] <= tMs) k++;
  return k === 0 ? 0 : 1 - Math.pow(perAttemptFailure, k);
}

export interface CumulativeRow {
  tMs: number;
  simulated: number;
  theory: number;
}

/**
 * The simulated share delivered within t of arrival, with the closed form beside it. The
 * rows run on past the last simulated point when the closed form still rises there (the
 * simulated share is flat by then: nothing is delivered later than the slowest delivery).
 */
export function cumulativeRows(input: SimulationInput, result: SimulationResult): CumulativeRow[] {
  const p = result.theory.perAttemptFailure;
  const ends = expectedAttemptEndsMs(input.policy, input);
  const rows = result.cumulativeDelivered.map(({ tMs, share }) => ({ tMs, simulated: share, theory: theoryShareAt(ends, p, tMs) }));
  const last = rows[rows.length - 1];
  const lastShare = last?.simulated ?? 0;
  for (const end of ends) {
    if (last === undefined || end > last.tMs) rows.push({ tMs: end, simulated: lastShare, theory: theoryShareAt(ends, p, end) });
  }
  return rows;
}

export interface DistributionRow {
  attempts: number;
  delivered: number;
  deadLettered: number;
  /** Deliveries the closed form expects to end at this attempt, delivered or dead-lettered. */
  expected: number;
}

export function distributionRows(result: SimulationResult): DistributionRow[] {
  const { theory, deliveries } = result;
  const n = result.attemptDistribution.length;
  const deadShare = 1 - theory.successWithinMaxAttempts;
  return result.attemptDistribution.map((row, i) => ({
    attempts: row.attempts,
    delivered: row.delivered,
    deadLettered: row.deadLettered,
    expected: deliveries * (theory.deliveredAtAttempt[i] + (i === n - 1 ? deadShare : 0)),
  }));
}

export interface Series {
  /** A recharts dataKey; never the label itself, as recharts reads dots in keys as paths. */
  key: string;
  label: string;
}

export type SeriesRow = { tMs: number } & Record<string, number>;

export interface ComparisonCharts {
  series: Series[];
  cumulative: SeriesRow[];
  load: SeriesRow[];
}

/** Compared results share their time axes (see lib/simulator compare), so rows join by index. */
export function comparisonCharts(entries: readonly ComparisonEntry[]): ComparisonCharts {
  const series = entries.map((entry, i) => ({ key: `s${i}`, label: entry.label }));
  const join = (pick: (result: SimulationResult) => { tMs: number; value: number }[]): SeriesRow[] => {
    const columns = entries.map((entry) => pick(entry.result));
    const length = Math.max(0, ...columns.map((c) => c.length));
    const rows: SeriesRow[] = [];
    for (let i = 0; i < length; i++) {
      const row: SeriesRow = { tMs: columns.find((c) => c[i])?.[i].tMs ?? 0 };
      columns.forEach((column, s) => {
        row[series[s].key] = column[i]?.value ?? 0;
      });
      rows.push(row);
    }
    return rows;
  };
  return {
    series,
    cumulative: join((r) => r.cumulativeDelivered.map((p) => ({ tMs: p.tMs, value: p.share }))),
    load: join((r) => r.load.map((p) => ({ tMs: p.tMs, value: p.perMinute }))),
  };
}

export interface ComparisonRow {
  label: string;
  successRate: number;
  theorySuccessRate: number;
  deadLettered: number;
  meanAttempts: number;
  theoryMeanAttempts: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  peakPerMinute: number;
  totalAttempts: number;
}

export function comparisonRows(entries: readonly ComparisonEntry[]): ComparisonRow[] {
  return entries.map(({ label, result }) => ({
    label,
    successRate: result.successRate,
    theorySuccessRate: result.theory.successWithinMaxAttempts,
    deadLettered: result.deadLettered,
    meanAttempts: result.meanAttempts,
    theoryMeanAttempts: result.theory.expectedAttempts,
    p50Ms: result.timeToDeliveryMs?.p50 ?? null,
    p95Ms: result.timeToDeliveryMs?.p95 ?? null,
    p99Ms: result.timeToDeliveryMs?.p99 ?? null,
    peakPerMinute: result.peakLoad.perMinute,
    totalAttempts: result.totalAttempts,
  }));
}

/** Indexes of the rows holding the best value of a column (ties all win); empty when all tie. */
export function bestRows(rows: readonly ComparisonRow[], value: (row: ComparisonRow) => number | null, better: "higher" | "lower"): number[] {
  const values = rows.map(value);
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return [];
  const best = better === "higher" ? Math.max(...present) : Math.min(...present);
  if (present.every((v) => v === best)) return [];
  return values.flatMap((v, i) => (v === best ? [i] : []));
}

export interface SchedulePreview {
  /** Average waits between attempts, first few only. */
  gapsMs: number[];
  /** Gaps left out of gapsMs. */
  moreGaps: number;
  giveUp: GiveUpTime;
}

export function schedulePreview(policy: RetryPolicy, shown = 6): SchedulePreview {
  const gaps = expectedGapsMs(policy);
  return { gapsMs: gaps.slice(0, shown), moreGaps: Math.max(0, gaps.length - shown), giveUp: timeToGiveUpMs(policy) };
}
