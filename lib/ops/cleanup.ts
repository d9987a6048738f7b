import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { ACTION_KEY_WINDOW_MS } from "../http/idempotent-action";
import { deleteExpiredRecords } from "../inbound/idempotency-store";
import { logger } from "../log";
import { startPeriodic } from "./periodic";
import { retentionFromConfig, type Retention } from "./retention";

const DAY_MS = 24 * 60 * 60 * 1000;
// Deleting in small batches keeps each write short: on SQLite one long delete would
// stall the worker and inbound requests behind the single writer.
const BATCH = 500;
// Only these states are finished; pending and in_flight deliveries are work in progress.
const FINISHED = ["succeeded", "failed", "dead"];
const OPEN_DEAD_LETTER = ["pending", "reprocessing"];

export interface CleanupCounts {
  inboundEvents: number;
  attempts: number;
  deliveries: number;
  messages: number;
  sessions: number;
  /** Answers kept for operator actions' Idempotency-Keys past their window. */
  operatorActions: number;
}

async function deleteInBatches(findIds: () => Promise<{ id: string }[]>, remove: (ids: string[]) => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = (await findIds()).map((r) => r.id);
    if (ids.length === 0) return total;
    total += (await remove(ids)).count;
    if (ids.length < BATCH) return total;
  }
}

/**
 * Prunes what has outlived its retention: expired idempotency records, attempts of
 * finished deliveries, finished deliveries, messages left without deliveries, expired
 * sessions, operator actions' answers past their Idempotency-Key window. Pending and in-flight deliveries, deliveries an open dead letter points at,
 * the attempts of both, and unexpired idempotency records are never touched.
 */
export async function runCleanup(db: Db, retention: Retention = retentionFromConfig(), now = new Date()): Promise<CleanupCounts> {
  const { prisma } = db;
  const attemptsBefore = new Date(now.getTime() - retention.attemptsDays * DAY_MS);
  const deliveriesBefore = new Date(now.getTime() - retention.deliveriesDays * DAY_MS);

  const inboundEvents = await deleteExpiredRecords(db, now);

  // A dead letter waiting for an operator, or being reprocessed, is pending work: its
  // delivery and that delivery's timeline stay.
  const awaitsNoOperator: Prisma.DeliveryWhereInput = { deadLetters: { none: { status: { in: OPEN_DEAD_LETTER } } } };

  const oldAttempt: Prisma.DeliveryAttemptWhereInput = { startedAt: { lt: attemptsBefore }, delivery: { status: { in: FINISHED }, ...awaitsNoOperator } };
  const attempts = await deleteInBatches(
    () => prisma.deliveryAttempt.findMany({ where: oldAttempt, select: { id: true }, take: BATCH }),
    // The filter is repeated so a delivery put back in the queue meanwhile keeps its history.
    (ids) => prisma.deliveryAttempt.deleteMany({ where: { AND: [oldAttempt, { id: { in: ids } }] } }),
  );

  const oldDelivery: Prisma.DeliveryWhereInput = {
    status: { in: FINISHED },
    OR: [{ completedAt: { lt: deliveriesBefore } }, { completedAt: null, updatedAt: { lt: deliveriesBefore } }],
    ...awaitsNoOperator,
  };
  const deliveries = await deleteInBatches(
    () => prisma.delivery.findMany({ where: oldDelivery, select: { id: true }, take: BATCH }),
    (ids) => prisma.delivery.deleteMany({ where: { AND: [oldDelivery, { id: { in: ids } }] } }),
  );

  const orphanMessage: Prisma.MessageWhereInput = { createdAt: { lt: deliveriesBefore }, deliveries: { none: {} } };
  const messages = await deleteInBatches(
    () => prisma.message.findMany({ where: orphanMessage, select: { id: true }, take: BATCH }),
    (ids) => prisma.message.deleteMany({ where: { AND: [orphanMessage, { id: { in: ids } }] } }),
  );

  const { count: sessions } = await prisma.operatorSession.deleteMany({ where: { expiresAt: { lte: now } } });
  const { count: operatorActions } = await prisma.operatorAction.deleteMany({ where: { createdAt: { lte: new Date(now.getTime() - ACTION_KEY_WINDOW_MS) } } });
  return { inboundEvents, attempts, deliveries, messages, sessions, operatorActions };
}

/** Runs the cleanup every `intervalMs` (default 10 minutes); returns a function that stops it. */
export function startCleanup(getDb: () => Promise<Db>, intervalMs = 10 * 60 * 1000): () => void {
  const retention = retentionFromConfig();
  return startPeriodic(
    intervalMs,
    async () => {
      const counts = await runCleanup(await getDb(), retention);
      if (Object.values(counts).some((n) => n > 0)) logger.info({ removed: counts }, "retention cleanup removed expired rows");
    },
    "retention cleanup failed; trying again at the next interval",
  );
}
