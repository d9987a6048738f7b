import type { RetryPolicy } from "./policy";
import type { RandomSource } from "./random";

function assertAttempt(failedAttempt: number): void {
  // A zero or fractional attempt number is a caller bug; a silent clamp would hide it.
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1) {
    throw new RangeError(`failedAttempt must be an integer >= 1, got ${failedAttempt}`);
  }
}

/**
 * The un-jittered delay after attempt `failedAttempt` (1-based) failed:
 * min(maxDelayMs, initialDelayMs * base^(n-1)), rounded to whole milliseconds.
 */
export function baseDelayMs(policy: RetryPolicy, failedAttempt: number): number {
  assertAttempt(failedAttempt);
  const raw = policy.initialDelayMs * Math.pow(policy.exponentialBase, failedAttempt - 1);
  // Math.min before rounding: raw can be astronomically large (10^99) but is always finite.
  return Math.round(Math.min(policy.maxDelayMs, raw));
}

function clampDelay(value: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, Math.max(0, Math.round(value)));
}

/**
 * The delay to wait after attempt `failedAttempt` failed, with the policy's jitter applied.
 * Always a whole number of milliseconds in [0, maxDelayMs].
 *
 * - none: the base delay.
 * - proportional: uniform in [base(1-j), base(1+j)], then capped, so retries of many
 *   deliveries that failed together spread out instead of arriving in lockstep.
 * - full: uniform in [0, base] (AWS "full jitter").
 * - decorrelated: min(max, uniform in [initial, max(initial, 3 * previous)]) (AWS
 *   "decorrelated jitter"); it ignores the exponential base and grows from the previous
 *   delay, so callers pass `previousDelayMs` (defaults to the initial delay for the first gap).
 */
export function nextDelayMs(
  policy: RetryPolicy,
  failedAttempt: number,
  random: RandomSource,
  previousDelayMs?: number,
): number {
  const { maxDelayMs } = policy;
  switch (policy.jitterMode) {
    case "none":
      return baseDelayMs(policy, failedAttempt);
    case "proportional": {
      const base = baseDelayMs(policy, failedAttempt);
      return clampDelay(base * (1 + policy.jitter * (2 * random() - 1)), maxDelayMs);
    }
    case "full":
      return clampDelay(baseDelayMs(policy, failedAttempt) * random(), maxDelayMs);
    case "decorrelated": {
      assertAttempt(failedAttempt);
      const low = policy.initialDelayMs;
      const high = Math.max(low, (previousDelayMs ?? low) * 3);
      return clampDelay(low + (high - low) * random(), maxDelayMs);
    }
  }
}

export interface ScheduleStep {
  /** The attempt that failed; this step is the gap between it and the next attempt. */
  attempt: number;
  baseMs: number;
  minMs: number;
  maxMs: number;
  cumulativeMinMs: number;
  cumulativeMaxMs: number;
  cumulativeBaseMs: number;
}

/** The range nextDelayMs can return for this gap; tight because rounding is monotone. */
function jitterBand(policy: RetryPolicy, attempt: number, base: number): { minMs: number; maxMs: number } {
  const { maxDelayMs, jitter } = policy;
  switch (policy.jitterMode) {
    case "none":
      return { minMs: base, maxMs: base };
    case "proportional":
      return { minMs: clampDelay(base * (1 - jitter), maxDelayMs), maxMs: clampDelay(base * (1 + jitter), maxDelayMs) };
    case "full":
      return { minMs: 0, maxMs: base };
    case "decorrelated":
      // Each gap can at most triple the previous one, starting from the initial delay.
      return {
        minMs: policy.initialDelayMs,
        maxMs: clampDelay(policy.initialDelayMs * Math.pow(3, attempt), maxDelayMs),
      };
  }
}

/**
 * One step per gap between attempts (maxAttempts - 1 steps): the base delay and the band
 * jitter can move it within, plus running totals. For decorrelated jitter `baseMs` is
 * still the exponential delay, which that mode does not use: read the band instead.
 */
export function delaySchedule(policy: RetryPolicy): ScheduleStep[] {
  const steps: ScheduleStep[] = [];
  let cumulativeMinMs = 0;
  let cumulativeMaxMs = 0;
  let cumulativeBaseMs = 0;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) {
    const baseMs = baseDelayMs(policy, attempt);
    const { minMs, maxMs } = jitterBand(policy, attempt, baseMs);
    cumulativeMinMs += minMs;
    cumulativeMaxMs += maxMs;
    cumulativeBaseMs += baseMs;
    steps.push({ attempt, baseMs, minMs, maxMs, cumulativeMinMs, cumulativeMaxMs, cumulativeBaseMs });
  }
  return steps;
}

export interface GiveUpTime {
  minMs: number;
  maxMs: number;
  baseMs: number;
}

/**
 * How long after the first attempt the policy gives up: the sum of the gaps between
 * attempts. Request time is NOT included; each attempt can add up to `timeoutMs` more
 * (at most maxAttempts * timeoutMs in total).
 */
export function timeToGiveUpMs(policy: RetryPolicy): GiveUpTime {
  const steps = delaySchedule(policy);
  const last = steps[steps.length - 1];
  return last
    ? { minMs: last.cumulativeMinMs, maxMs: last.cumulativeMaxMs, baseMs: last.cumulativeBaseMs }
    : { minMs: 0, maxMs: 0, baseMs: 0 };
}
