import { nextDelayMs } from "@/lib/retry";
import type { SimulationInput } from "./schema";
import { STREAM, counterStream, drawAt, streamKey } from "./streams";

export const ATTEMPT_RESULTS = ["success", "failure", "timeout", "outage"] as const;
export type SimulatedAttemptResult = (typeof ATTEMPT_RESULTS)[number];

export interface SampledAttempt {
  attempt: number;
  startMs: number;
  durationMs: number;
  result: SimulatedAttemptResult;
  /** The backoff waited after this attempt; null when it was the last one. */
  delayAfterMs: number | null;
}

export interface SampledDelivery {
  index: number;
  arrivalMs: number;
  status: "delivered" | "dead";
  attempts: SampledAttempt[];
}

/** Counts of attempt starts per bucket of virtual time, filled during a run. */
export interface LoadGrid {
  bucketMs: number;
  counts: Float64Array;
}

export interface RawRun {
  deliveries: number;
  delivered: number;
  deadLettered: number;
  totalAttempts: number;
  /** deliveredByAttempts[k-1]: deliveries whose k-th attempt succeeded. */
  deliveredByAttempts: Float64Array;
  deadByAttempts: Float64Array;
  /** Time from arrival to the end of the successful attempt, sorted ascending; delivered only. */
  timesToDelivery: Float64Array;
  /** The latest attempt start on the virtual clock. */
  lastAttemptStartMs: number;
  timelineSample: SampledDelivery[];
}

export const TIMELINE_SAMPLE_SIZE = 20;

const RESULT_SUCCESS = 0;
const RESULT_FAILURE = 1;
const RESULT_TIMEOUT = 2;
const RESULT_OUTAGE = 3;

/**
 * Runs every delivery on a virtual clock. Every simulated failure is retryable (an error
 * response or a timeout), so classification reduces to "retry until the attempts run out";
 * the backoff itself comes from lib/retry's nextDelayMs, the function the worker uses.
 *
 * Attempt k of delivery i fails when draw k of its endpoint stream falls under the failure
 * rate (or times out under failure + timeout rate), or when the attempt starts inside an
 * outage window. An attempt lasts responseTimeMs, or the policy's timeoutMs when it times
 * out; a response slower than the timeout is cut to the timeout. An attempt in an outage
 * fails fast (refused connection), after responseTimeMs.
 *
 * Hot loop: numbers and typed arrays only; objects are built for the sampled timelines alone.
 */
export function runDeliveries(input: SimulationInput, load: LoadGrid | null): RawRun {
  const { policy, deliveries, seed, arrivalWindowMs } = input;
  const maxAttempts = policy.maxAttempts;
  const failBelow = input.failureRate;
  const timeoutBelow = input.failureRate + input.timeoutRate;
  const timeoutMs = policy.timeoutMs;
  const responseMs = Math.min(input.responseTimeMs, timeoutMs);
  const outageCount = input.outages.length;
  const outageStart = Float64Array.from(input.outages, (o) => o.startMs);
  const outageEnd = Float64Array.from(input.outages, (o) => o.endMs);

  const deliveredByAttempts = new Float64Array(maxAttempts);
  const deadByAttempts = new Float64Array(maxAttempts);
  const times = new Float64Array(deliveries);
  const timelineSample: SampledDelivery[] = [];
  const jitter = counterStream();
  let delivered = 0;
  let totalAttempts = 0;
  let lastAttemptStartMs = 0;

  for (let i = 0; i < deliveries; i++) {
    const arrivalMs = arrivalWindowMs === 0 ? 0 : Math.floor(drawAt(streamKey(seed, STREAM.arrival, i), 0) * arrivalWindowMs);
    const endpointKey = streamKey(seed, STREAM.endpoint, i);
    jitter.reset(streamKey(seed, STREAM.jitter, i));
    const sample: SampledDelivery | null =
      i < TIMELINE_SAMPLE_SIZE ? { index: i, arrivalMs, status: "dead", attempts: [] } : null;

    let t = arrivalMs;
    let previousDelayMs: number | undefined;
    for (let attempt = 1; ; attempt++) {
      // Drawn even during an outage, so draw k always belongs to attempt k.
      const u = drawAt(endpointKey, attempt);
      let result = u < failBelow ? RESULT_FAILURE : u < timeoutBelow ? RESULT_TIMEOUT : RESULT_SUCCESS;
      for (let o = 0; o < outageCount; o++) {
        if (t >= outageStart[o] && t < outageEnd[o]) {
          result = RESULT_OUTAGE;
          break;
        }
      }
      const durationMs = result === RESULT_TIMEOUT ? timeoutMs : responseMs;

      totalAttempts++;
      if (t > lastAttemptStartMs) lastAttemptStartMs = t;
      if (load !== null) load.counts[Math.floor(t / load.bucketMs)]++;

      if (result === RESULT_SUCCESS) {
        times[delivered++] = t + durationMs - arrivalMs;
        deliveredByAttempts[attempt - 1]++;
        if (sample) {
          sample.status = "delivered";
          sample.attempts.push({ attempt, startMs: t, durationMs, result: ATTEMPT_RESULTS[result], delayAfterMs: null });
        }
        break;
      }
      if (attempt >= maxAttempts) {
        deadByAttempts[attempt - 1]++;
        sample?.attempts.push({ attempt, startMs: t, durationMs, result: ATTEMPT_RESULTS[result], delayAfterMs: null });
        break;
      }
      const delayMs = nextDelayMs(policy, attempt, jitter.next, previousDelayMs);
      sample?.attempts.push({ attempt, startMs: t, durationMs, result: ATTEMPT_RESULTS[result], delayAfterMs: delayMs });
      previousDelayMs = delayMs;
      t += durationMs + delayMs;
    }
    if (sample) timelineSample.push(sample);
  }

  const timesToDelivery = times.slice(0, delivered).sort();
  return {
    deliveries,
    delivered,
    deadLettered: deliveries - delivered,
    totalAttempts,
    deliveredByAttempts,
    deadByAttempts,
    timesToDelivery,
    lastAttemptStartMs,
    timelineSample,
  };
}
