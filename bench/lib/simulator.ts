import { drawAt, simulate, simulationInputSchema, STREAM, streamKey } from "../../lib/simulator";
import { median } from "./stats";

export interface SimulatorFigures {
  deliveries: number;
  totalAttempts: number;
  /** Median of the timed runs, after one warm-up run. */
  ms: number;
  /** The same number of seeded draws as the run made, in a tight loop. */
  drawsMs: number;
  draws: number;
}

/**
 * The policy simulator's time for `deliveries` deliveries against a flaky endpoint, beside
 * the time the same number of seeded random draws take on their own (the floor: every
 * attempt needs a draw, every retry a jitter draw, every delivery an arrival draw).
 */
export function measureSimulator(deliveries: number, runs = 5): SimulatorFigures {
  const input = simulationInputSchema.parse({
    policy: { maxAttempts: 8, initialDelayMs: 1_000, maxDelayMs: 3_600_000, exponentialBase: 2, jitter: 0.2, jitterMode: "proportional", timeoutMs: 10_000 },
    failureRate: 0.3,
    timeoutRate: 0.05,
    responseTimeMs: 120,
    deliveries,
    seed: 42,
    arrivalWindowMs: 3_600_000,
    outages: [{ startMs: 600_000, endMs: 900_000 }],
  });
  let totalAttempts = 0;
  simulate(input);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    totalAttempts = simulate(input).totalAttempts;
    times.push(performance.now() - t);
  }
  const draws = deliveries + totalAttempts + (totalAttempts - deliveries);
  const drawTimes: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs + 1; r++) {
    const t = performance.now();
    for (let i = 0, n = 0; n < draws; i++) {
      const key = streamKey(input.seed, STREAM.endpoint, i);
      for (let k = 0; k < 8 && n < draws; k++, n++) sink += drawAt(key, k);
    }
    if (r > 0) drawTimes.push(performance.now() - t);
  }
  if (sink < 0) throw new Error("unreachable");
  return { deliveries, totalAttempts, ms: median(times), drawsMs: median(drawTimes), draws };
}
