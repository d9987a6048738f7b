/** Tick steps that read as round durations on a time axis. */
export const DURATION_TICK_STEPS_MS: readonly number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 250, 500,
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
  60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
  86_400_000, 172_800_000, 604_800_000,
];

export interface DurationAxis {
  ticks: number[];
  domain: [number, number];
}

/**
 * Round ticks from 0 covering maxMs with at most `maxTicks` intervals, so a chart says
 * "0, 30 s, 1 min, 1.5 min" instead of recharts' "0, 17342, 34684".
 */
export function durationAxis(maxMs: number, maxTicks = 6): DurationAxis {
  const top = Math.max(maxMs, 1);
  const step =
    DURATION_TICK_STEPS_MS.find((s) => top / s <= maxTicks) ??
    DURATION_TICK_STEPS_MS[DURATION_TICK_STEPS_MS.length - 1] * Math.ceil(top / (DURATION_TICK_STEPS_MS[DURATION_TICK_STEPS_MS.length - 1] * maxTicks));
  const end = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= end; t += step) ticks.push(t);
  return { ticks, domain: [0, end] };
}

export const SHARE_TICKS: readonly number[] = [0, 0.25, 0.5, 0.75, 1];

export interface CountAxis {
  ticks: number[];
  domain: [number, number];
}

/** Round ticks (1, 2, 2.5 or 5 × 10^k apart) from 0 covering max, for counts and rates. */
export function countAxis(max: number, maxTicks = 5): CountAxis {
  const top = Math.max(max, 1);
  const rough = top / maxTicks;
  const magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => top / s <= maxTicks) ?? 10 * magnitude;
  const end = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  // Built from the index, not by adding steps, so 0.1 + 0.2 never shows up as a tick.
  for (let i = 0; i * step <= end + step / 1e9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { ticks, domain: [0, end] };
}
