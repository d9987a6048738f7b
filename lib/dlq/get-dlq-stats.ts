import { z } from "zod";
import type { Db } from "../db/client";
import { FAILURE_REASONS } from "../retry/classify";
import { filterQueryShape, filterWhere } from "./dead-letter-filter";
import { DEAD_LETTER_STATUSES, type DeadLetterStatus } from "./dead-letter-view";

const BY_ENDPOINT_MESSAGE = "byEndpoint must be true or false";

export const dlqStatsQuerySchema = z.object({
  endpointId: filterQueryShape.endpointId,
  kind: filterQueryShape.kind,
  since: filterQueryShape.since,
  until: filterQueryShape.until,
  byEndpoint: z
    .enum(["true", "false"], { error: BY_ENDPOINT_MESSAGE })
    .transform((v) => v === "true")
    .default(false),
});

export type DlqStatsQuery = z.output<typeof dlqStatsQuerySchema>;

export interface ReasonStats {
  reason: string;
  total: number;
  pending: number;
}

export type StatusTotals = { total: number } & Record<DeadLetterStatus, number>;

export interface EndpointStats {
  endpointId: string;
  /** The endpoint's current URL (a letter keeps the URL it failed on). */
  url: string;
  enabled: boolean;
  total: number;
  pending: number;
}

export interface DlqStats {
  since: Date | null;
  until: Date | null;
  endpointId: string | null;
  totals: StatusTotals;
  /** Every known failure reason, zeros included, so a chart keeps its categories. */
  byReason: ReasonStats[];
  /** Only with `byEndpoint=true`: delivery letters per endpoint, most pending first. */
  byEndpoint?: EndpointStats[];
}

function emptyTotals(): StatusTotals {
  return { total: 0, pending: 0, reprocessing: 0, reprocessed: 0, discarded: 0 };
}

function isStatus(s: string): s is DeadLetterStatus {
  return (DEAD_LETTER_STATUSES as readonly string[]).includes(s);
}

/** Letters by failure reason and status, over failedAt in [since, until). */
export async function getDlqStats(db: Db, query: DlqStatsQuery): Promise<DlqStats> {
  const where = filterWhere(query);
  const groups = await db.prisma.deadLetter.groupBy({ by: ["reason", "status"], where, _count: { _all: true } });

  const totals = emptyTotals();
  const reasons = new Map<string, ReasonStats>(FAILURE_REASONS.map((reason) => [reason, { reason, total: 0, pending: 0 }]));
  for (const g of groups) {
    const n = g._count._all;
    totals.total += n;
    if (isStatus(g.status)) totals[g.status] += n;
    const r = reasons.get(g.reason) ?? { reason: g.reason, total: 0, pending: 0 };
    r.total += n;
    if (g.status === "pending") r.pending += n;
    reasons.set(g.reason, r);
  }

  const stats: DlqStats = {
    since: query.since ?? null,
    until: query.until ?? null,
    endpointId: query.endpointId ?? null,
    totals,
    byReason: [...reasons.values()],
  };
  if (query.byEndpoint) stats.byEndpoint = await statsByEndpoint(db, query);
  return stats;
}

async function statsByEndpoint(db: Db, query: DlqStatsQuery): Promise<EndpointStats[]> {
  const groups = await db.prisma.deadLetter.groupBy({
    by: ["endpointId", "status"],
    where: { AND: [filterWhere(query), { endpointId: { not: null } }] },
    _count: { _all: true },
  });
  const counts = new Map<string, { total: number; pending: number }>();
  for (const g of groups) {
    if (g.endpointId === null) continue;
    const c = counts.get(g.endpointId) ?? { total: 0, pending: 0 };
    c.total += g._count._all;
    if (g.status === "pending") c.pending += g._count._all;
    counts.set(g.endpointId, c);
  }
  // Deleting an endpoint unlinks its letters, so every id here names an endpoint (bar a deletion in between).
  const endpoints = await db.prisma.endpoint.findMany({ where: { id: { in: [...counts.keys()] } }, select: { id: true, url: true, enabled: true } });
  return endpoints
    .map((ep) => ({ endpointId: ep.id, url: ep.url, enabled: ep.enabled, total: 0, pending: 0, ...counts.get(ep.id) }))
    .sort((a, b) => b.pending - a.pending || b.total - a.total || a.endpointId.localeCompare(b.endpointId));
}
