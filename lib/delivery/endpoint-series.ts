import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";

export interface AttemptSample {
  startedAt: number;
  durationMs: number;
  /** A 2xx answer. */
  ok: boolean;
}

export interface EndpointSeriesPoint {
  /** Bucket start, epoch ms. */
  t: number;
  attempts: number;
  succeeded: number;
  /** Latency percentiles of the bucket's attempts (nearest rank); null when it had none. */
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface EndpointSeries {
  bucketMs: number;
  points: EndpointSeriesPoint[];
  /** True when the window held more attempts than were read: the newest were used. */
  sampled: boolean;
}

const WINDOW_MS = 24 * 3600 * 1000;
const BUCKET_MS = 3600 * 1000;
/** Enough for a busy endpoint's day to draw; past it the newest attempts stand for the window. */
const MAX_SAMPLES = 20_000;

function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** Attempts into fixed buckets from `start` (every bucket present, empty ones with nulls). Pure. */
export function bucketAttempts(samples: readonly AttemptSample[], start: number, end: number, bucketMs: number): EndpointSeriesPoint[] {
  const count = Math.ceil((end - start) / bucketMs);
  const latencies: number[][] = Array.from({ length: count }, () => []);
  const succeeded = new Array<number>(count).fill(0);
  for (const s of samples) {
    const i = Math.floor((s.startedAt - start) / bucketMs);
    if (i < 0 || i >= count) continue;
    latencies[i].push(s.durationMs);
    if (s.ok) succeeded[i]++;
  }
  return latencies.map((l, i) => {
    const sorted = [...l].sort((a, b) => a - b);
    return {
      t: start + i * bucketMs,
      attempts: l.length,
      succeeded: succeeded[i],
      p50Ms: sorted.length ? nearestRank(sorted, 0.5) : null,
      p95Ms: sorted.length ? nearestRank(sorted, 0.95) : null,
    };
  });
}

/** The endpoint's attempts over the last 24 hours, per hour: how many, how many succeeded, latency p50 and p95. */
export async function endpointSeries(db: Db, endpointId: string, now: number = Date.now()): Promise<EndpointSeries> {
  if (!(await db.prisma.endpoint.findUnique({ where: { id: endpointId }, select: { id: true } }))) throw notFound("Endpoint");
  const end = Math.ceil(now / BUCKET_MS) * BUCKET_MS;
  const start = end - WINDOW_MS;
  const rows = await db.prisma.deliveryAttempt.findMany({
    where: { delivery: { endpointId }, startedAt: { gte: new Date(start) } },
    select: { startedAt: true, durationMs: true, statusCode: true },
    orderBy: { startedAt: "desc" },
    take: MAX_SAMPLES + 1,
  });
  const samples = rows.slice(0, MAX_SAMPLES).map((r) => ({ startedAt: r.startedAt.getTime(), durationMs: r.durationMs, ok: r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300 }));
  return { bucketMs: BUCKET_MS, points: bucketAttempts(samples, start, end, BUCKET_MS), sampled: rows.length > MAX_SAMPLES };
}
