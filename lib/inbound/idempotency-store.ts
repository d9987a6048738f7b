import type { Db, InboundEvent, PrismaClient } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { AppError } from "../errors/app-error";
import type { KeySource } from "./idempotency-key";
import type { InboundStatus } from "./inbound-status";

export interface ClaimInput {
  sourceId: string;
  key: string;
  keySource: KeySource;
  eventType: string | null;
  payload: string;
  headers: Record<string, string>;
  providerAttempt: number | null;
  ttlMs: number;
  /** How long this run may hold the key before another request may take it over. */
  leaseMs: number;
}

export type ClaimResult =
  | { kind: "claimed"; record: InboundEvent }
  | { kind: "replay"; record: InboundEvent }
  | { kind: "in_progress"; record: InboundEvent; retryAfterSeconds: number };

const MAX_CLAIM_ROUNDS = 5;

/**
 * Most runs finish within a second, so a duplicate is told to come back soon rather than
 * when the lease ends; if the run is still going it simply gets another 409.
 */
const MAX_IN_PROGRESS_RETRY_AFTER_SECONDS = 5;

/** Final answers are replayed to duplicates; anything else may run again. */
export function isFinal(status: string): boolean {
  return status === "processed" || status === "skipped";
}

async function countDuplicate(db: Db, id: string, providerAttempt: number | null): Promise<void> {
  await db.prisma.inboundEvent.updateMany({
    where: { id },
    data: { duplicateCount: { increment: 1 }, ...(providerAttempt === null ? {} : { providerAttempt }) },
  });
}

/**
 * Claims an idempotency key. The unique (source, key) constraint decides who is first, so
 * two requests arriving together can never both run the processor; a later duplicate is
 * answered from the record, and a key whose run failed or was abandoned is taken over
 * with a compare-and-set on the run counter.
 */
export async function claimKey(db: Db, input: ClaimInput, now: Date): Promise<ClaimResult> {
  const { prisma } = db;
  const leaseEnd = new Date(now.getTime() + input.leaseMs);
  for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
    try {
      const record = await prisma.inboundEvent.create({
        data: {
          sourceId: input.sourceId,
          idempotencyKey: input.key,
          keySource: input.keySource,
          eventType: input.eventType,
          payload: input.payload,
          headers: JSON.stringify(input.headers),
          providerAttempt: input.providerAttempt,
          status: "processing",
          receivedAt: now,
          processingUntil: leaseEnd,
          expiresAt: new Date(now.getTime() + input.ttlMs),
        },
      });
      return { kind: "claimed", record };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const existing = await prisma.inboundEvent.findUnique({ where: { sourceId_idempotencyKey: { sourceId: input.sourceId, idempotencyKey: input.key } } });
    if (!existing) continue;
    if (existing.expiresAt.getTime() <= now.getTime()) {
      // An expired record no longer protects the key (the cleanup may not have run yet).
      await prisma.inboundEvent.deleteMany({ where: { id: existing.id, expiresAt: { lte: now } } });
      continue;
    }
    if (isFinal(existing.status)) {
      await countDuplicate(db, existing.id, input.providerAttempt);
      return { kind: "replay", record: existing };
    }
    // A live lease means a run may still be going (including one that overran its budget).
    const leaseLeft = (existing.processingUntil?.getTime() ?? 0) - now.getTime();
    if (leaseLeft > 0) {
      await countDuplicate(db, existing.id, input.providerAttempt);
      const retryAfterSeconds = Math.max(1, Math.min(MAX_IN_PROGRESS_RETRY_AFTER_SECONDS, Math.ceil(leaseLeft / 1000)));
      return { kind: "in_progress", record: existing, retryAfterSeconds };
    }
    const takeover = {
      status: "processing",
      runs: existing.runs + 1,
      duplicateCount: existing.duplicateCount + 1,
      // The new run processes this request's body, so the record shows what was processed.
      keySource: input.keySource,
      eventType: input.eventType,
      payload: input.payload,
      headers: JSON.stringify(input.headers),
      providerAttempt: input.providerAttempt ?? existing.providerAttempt,
      processingUntil: leaseEnd,
      error: null,
    };
    const taken = await prisma.inboundEvent.updateMany({
      where: { id: existing.id, status: existing.status, runs: existing.runs },
      data: takeover,
    });
    if (taken.count === 1) return { kind: "claimed", record: { ...existing, ...takeover } };
  }
  throw new AppError("in_progress", "This event is contended by several requests at once; retry shortly", { retryAfterSeconds: 1 });
}

export interface RunResult {
  status: Exclude<InboundStatus, "processing">;
  resultStatus: number;
  resultBody: string;
  error?: string | null;
  messageId?: string | null;
  /** Keeps duplicates out (409) until then: set when a run was abandoned but may still be running. */
  holdUntil?: Date | null;
}

/**
 * Records how a run ended. Fenced on the run number, so a run that was taken over (its
 * lease ran out) cannot overwrite the newer run's result. Returns false when fenced out.
 */
export async function finishRun(prisma: Pick<PrismaClient, "inboundEvent">, id: string, run: number, result: RunResult, now: Date): Promise<boolean> {
  const updated = await prisma.inboundEvent.updateMany({
    where: { id, runs: run },
    data: {
      status: result.status,
      resultStatus: result.resultStatus,
      resultBody: result.resultBody,
      error: result.error ?? null,
      messageId: result.messageId ?? undefined,
      processedAt: now,
      processingUntil: result.holdUntil ?? null,
    },
  });
  return updated.count === 1;
}

/** Small batches keep each write short: on SQLite one long delete would hold up inbound requests behind the single writer. */
const DELETE_BATCH = 500;

/** Removes records whose TTL has passed; returns how many. */
export async function deleteExpiredRecords(db: Db, now: Date): Promise<number> {
  const { inboundEvent } = db.prisma;
  const expired = { expiresAt: { lte: now } };
  let total = 0;
  for (;;) {
    const ids = (await inboundEvent.findMany({ where: expired, select: { id: true }, take: DELETE_BATCH })).map((r) => r.id);
    if (ids.length === 0) return total;
    total += (await inboundEvent.deleteMany({ where: { ...expired, id: { in: ids } } })).count;
    if (ids.length < DELETE_BATCH) return total;
  }
}
