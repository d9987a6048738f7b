export interface DurationStats {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile: always a value that occurred, never an interpolation between two. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("percentile of an empty sample");
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
}

/** Null for an empty sample: zeros would read as "instant" on a dashboard. */
export function durationStats(sorted: ArrayLike<number>): DurationStats | null {
  const n = sorted.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  return {
    mean: sum / n,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[n - 1],
  };
}

export interface CumulativePoint {
  tMs: number;
  share: number;
}

/** share at tMs = (values <= tMs) / total, at steps + 1 evenly spaced points from 0. */
export function cumulativeCurve(
  sorted: ArrayLike<number>,
  total: number,
  stepMs: number,
  steps: number,
): CumulativePoint[] {
  const points: CumulativePoint[] = [];
  let seen = 0;
  for (let s = 0; s <= steps; s++) {
    const tMs = s * stepMs;
    while (seen < sorted.length && sorted[seen] <= tMs) seen++;
    points.push({ tMs, share: total === 0 ? 0 : seen / total });
  }
  return points;
}
