import { z } from "zod";
import type { Db } from "../db/client";
import { attemptOutcomesByBucket, deliveryLatencyPercentile } from "../db/sql";

export const OVERVIEW_WINDOWS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;
export const overviewQuerySchema = z.object({ window: z.enum(["1h", "24h", "7d"]).default("24h") });
export type OverviewQuery = z.output<typeof overviewQuerySchema>;

const BUCKETS = 48;

export interface OverviewSeriesPoint {
  t: number;
  succeeded: number;
  retried: number;
  dead: number;
}

export interface Overview {
  window: OverviewQuery["window"];
  since: string;
  received: number;
  duplicates: number;
  delivered: number;
  failedAttempts: number;
  successRate: number | null;
  p95LatencyMs: number | null;
  deadLettersPending: number;
  pendingDeliveries: number;
  series: OverviewSeriesPoint[];
  bucketMs: number;
  endpoints: { id: string; url: string; enabled: boolean; disabledReason: string | null; failingSince: string | null }[];
}

/** Turns attempt counts per bucket and outcome into a dense series for the chart (pure). */
export function shapeSeries(rows: { bucket: number; outcome: string; count: number }[], since: number, bucketMs: number, buckets: number): OverviewSeriesPoint[] {
  const start = Math.floor(since / bucketMs) * bucketMs;
  const points: OverviewSeriesPoint[] = Array.from({ length: buckets + 1 }, (_, i) => ({ t: start + i * bucketMs, succeeded: 0, retried: 0, dead: 0 }));
  for (const r of rows) {
    const p = points[Math.round((r.bucket - start) / bucketMs)];
    if (!p) continue;
    if (r.outcome === "SUCCESS") p.succeeded += r.count;
    else if (r.outcome === "DEAD") p.dead += r.count;
    else p.retried += r.count;
  }
  return points;
}

/** The numbers on the dashboard's first page, over one time window. */
export async function getOverview(db: Db, query: OverviewQuery, now: number): Promise<Overview> {
  const windowMs = OVERVIEW_WINDOWS[query.window];
  const since = now - windowMs;
  const sinceDate = new Date(since);
  const bucketMs = Math.ceil(windowMs / BUCKETS);
  const { prisma } = db;
  const [received, duplicates, delivered, failedAttempts, deadLettersPending, pendingDeliveries, rows, p95, endpoints] = await Promise.all([
    prisma.inboundEvent.count({ where: { receivedAt: { gte: sinceDate } } }),
    prisma.inboundEvent.aggregate({ where: { receivedAt: { gte: sinceDate } }, _sum: { duplicateCount: true } }),
    prisma.delivery.count({ where: { status: "succeeded", completedAt: { gte: sinceDate } } }),
    prisma.deliveryAttempt.count({ where: { startedAt: { gte: sinceDate }, outcome: { not: "SUCCESS" } } }),
    prisma.deadLetter.count({ where: { status: "pending" } }),
    prisma.delivery.count({ where: { status: { in: ["pending", "in_flight"] } } }),
    attemptOutcomesByBucket(db, since, bucketMs),
    deliveryLatencyPercentile(db, since, 0.95),
    prisma.endpoint.findMany({
      where: { OR: [{ enabled: false }, { failingSince: { not: null } }] },
      select: { id: true, url: true, enabled: true, disabledReason: true, failingSince: true },
      orderBy: { updatedAt: "desc" },
      take: 20,
    }),
  ]);
  const deadDeliveries = rows.filter((r) => r.outcome === "DEAD").reduce((s, r) => s + r.count, 0);
  const finished = delivered + deadDeliveries;
  return {
    window: query.window,
    since: sinceDate.toISOString(),
    received,
    duplicates: duplicates._sum.duplicateCount ?? 0,
    delivered,
    failedAttempts,
    successRate: finished ? delivered / finished : null,
    p95LatencyMs: p95,
    deadLettersPending,
    pendingDeliveries,
    series: shapeSeries(rows, since, bucketMs, BUCKETS),
    bucketMs,
    endpoints: endpoints.map((e) => ({ ...e, failingSince: e.failingSince?.toISOString() ?? null })),
  };
}
