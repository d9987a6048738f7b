import type { Db } from "../db/client";
import { parseHeaderRecord } from "./header-record";
import type { RefusalEntry } from "./refusal-entry";

/** Refusals kept per source: the newest, enough to see a pattern, few enough to stay small under a flood. */
export const REFUSALS_KEPT = 50;
/** Hourly counts older than this are removed. */
const COUNT_RETENTION_MS = 30 * 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

export const hourOf = (at: number) => Math.floor(at / HOUR_MS) * HOUR_MS;

/** Where "the last 24 hours" starts in hourly buckets: this hour and the 23 before it. */
const dayStart = (now: number) => new Date(hourOf(now) - 23 * HOUR_MS);

export interface RefusalCount {
  sourceId: string;
  hour: number;
  status: number;
  count: number;
}

/** Writes one source's newest refusals and trims its log back to REFUSALS_KEPT. */
export async function appendRefusals(db: Db, sourceId: string, entries: RefusalEntry[]): Promise<void> {
  const { inboundRefusal } = db.prisma;
  await inboundRefusal.createMany({ data: entries.map((e) => ({ ...e, headers: JSON.stringify(e.headers) })) });
  const older = await inboundRefusal.findMany({ where: { sourceId }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], skip: REFUSALS_KEPT, select: { id: true } });
  if (older.length) await inboundRefusal.deleteMany({ where: { id: { in: older.map((r) => r.id) } } });
}

/** Adds to an hourly count: an upsert, as several instances count into the same rows. */
export async function addRefusalCount(db: Db, c: RefusalCount): Promise<void> {
  const id = { sourceId: c.sourceId, hour: new Date(c.hour), status: c.status };
  await db.prisma.inboundRefusalCount.upsert({ where: { sourceId_hour_status: id }, create: { ...id, count: c.count }, update: { count: { increment: c.count } } });
}

export async function pruneRefusalCounts(db: Db, now: number): Promise<void> {
  await db.prisma.inboundRefusalCount.deleteMany({ where: { hour: { lt: new Date(now - COUNT_RETENTION_MS) } } });
}

export async function refusedLastDayBySource(db: Db, now: number): Promise<Map<string, number>> {
  const rows = await db.prisma.inboundRefusalCount.groupBy({ by: ["sourceId"], where: { hour: { gte: dayStart(now) } }, _sum: { count: true } });
  return new Map(rows.map((r) => [r.sourceId, r._sum.count ?? 0]));
}

export type RefusalView = Omit<RefusalEntry, "sourceId"> & { id: string };

export interface SourceRefusals {
  data: RefusalView[];
  /** Refusals in the last 24 hours by HTTP status, counted beyond the entries kept. */
  lastDayByStatus: Record<string, number>;
}

export async function listRefusals(db: Db, sourceId: string, now: number): Promise<SourceRefusals> {
  const [rows, counts] = await Promise.all([
    db.prisma.inboundRefusal.findMany({ where: { sourceId }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: REFUSALS_KEPT }),
    db.prisma.inboundRefusalCount.groupBy({ by: ["status"], where: { sourceId, hour: { gte: dayStart(now) } }, _sum: { count: true } }),
  ]);
  return {
    data: rows.map(({ sourceId: _source, headers, ...r }) => ({ ...r, headers: parseHeaderRecord(headers) })),
    lastDayByStatus: Object.fromEntries(counts.map((c) => [String(c.status), c._sum.count ?? 0])),
  };
}
