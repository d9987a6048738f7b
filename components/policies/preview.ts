import { delaySchedule, timeToGiveUpMs, type GiveUpTime } from "@/lib/retry/backoff";
import type { RetryPolicy } from "@/lib/retry/policy";

/** One attempt of the schedule: how long before it Hookrelay waits, and when it starts. */
export interface PreviewAttempt {
  attempt: number;
  /** The wait after the previous attempt failed; null for the first attempt. */
  wait: { minMs: number; maxMs: number; baseMs: number } | null;
  startsAt: { minMs: number; maxMs: number; baseMs: number };
}

export interface PolicyPreview {
  attempts: PreviewAttempt[];
  giveUp: GiveUpTime;
  /** Request time on top of the waits: each attempt can run up to the timeout. */
  requestBudgetMs: number;
  jittered: boolean;
}

/** The schedule as the preview shows it, from the same pure functions the worker uses. */
export function policyPreview(policy: RetryPolicy): PolicyPreview {
  const steps = delaySchedule(policy);
  const attempts: PreviewAttempt[] = [{ attempt: 1, wait: null, startsAt: { minMs: 0, maxMs: 0, baseMs: 0 } }];
  for (const step of steps) {
    attempts.push({
      attempt: step.attempt + 1,
      wait: { minMs: step.minMs, maxMs: step.maxMs, baseMs: step.baseMs },
      startsAt: { minMs: step.cumulativeMinMs, maxMs: step.cumulativeMaxMs, baseMs: step.cumulativeBaseMs },
    });
  }
  return {
    attempts,
    giveUp: timeToGiveUpMs(policy),
    requestBudgetMs: policy.maxAttempts * policy.timeoutMs,
    jittered: steps.some((s) => s.minMs !== s.maxMs),
  };
}

export interface ChartPoint {
  attempt: number;
  /** The lower edge of the wait and the jitter band above it, stacked into one bar. */
  low: number;
  band: number;
  high: number;
  /** Time since the first attempt, as a [min, max] band. */
  startsAt: [number, number];
}

export function chartPoints(preview: PolicyPreview): ChartPoint[] {
  return preview.attempts.flatMap(({ attempt, wait, startsAt }) =>
    wait ? [{ attempt, low: wait.minMs, band: wait.maxMs - wait.minMs, high: wait.maxMs, startsAt: [startsAt.minMs, startsAt.maxMs] as [number, number] }] : [],
  );
}
