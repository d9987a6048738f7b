import type { Db } from "../db/client";
import { DELIVERY_STATUSES } from "../delivery/delivery-view";

export interface QueueStats {
  deliveriesByStatus: Record<string, number>;
  due: number;
  scheduled: number;
  inFlight: number;
  oldestDueAgeSeconds: number;
  deadLettersPending: number;
}

/** A handful of counts over indexed columns (status, nextAttemptAt), cheap enough for every scrape. */
export async function readQueueStats(db: Db, now = new Date()): Promise<QueueStats> {
  const { prisma } = db;
  const [byStatus, due, oldestDue, deadLettersPending] = await Promise.all([
    prisma.delivery.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.delivery.count({ where: { status: "pending", nextAttemptAt: { lte: now } } }),
    prisma.delivery.findFirst({ where: { status: "pending", nextAttemptAt: { lte: now } }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } }),
    prisma.deadLetter.count({ where: { status: "pending" } }),
  ]);
  // Every status is reported, zeros included, so a series never vanishes when a state empties.
  const deliveriesByStatus: Record<string, number> = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0]));
  for (const row of byStatus) deliveriesByStatus[row.status] = row._count._all;
  return {
    deliveriesByStatus,
    due,
    scheduled: deliveriesByStatus.pending - due,
    inFlight: deliveriesByStatus.in_flight,
    oldestDueAgeSeconds: oldestDue ? Math.max(0, (now.getTime() - oldestDue.nextAttemptAt.getTime()) / 1000) : 0,
    deadLettersPending,
  };
}
