import type { Db, InboundEvent } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { KeySource } from "./idempotency-key";

export type InboundStatus = "processing" | "processed" | "failed" | "skipped";
export const INBOUND_STATUSES: InboundStatus[] = ["processing", "processed", "failed", "skipped"];

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

/** Final answers are replayed to duplicates; anything else may run again. */
export function isFinal(status: string): boolean {
  return status === "processed" || status === "skipped";
}

async function countDuplicate(db: Db, id: string): Promise<void> {
  await db.prisma.inboundEvent.updateMany({ where: { id }, data: { duplicateCount: { increment: 1 } } });
}

/**
 * Claims an idempotency key. The unique (source, key) constraint decides who is first, so
 * two requests arriving together can never both run the processor; a later duplicate is
 * answered from the record, and a key whose run failed or was abandoned can be taken over
 * with a compare-and-set on the run counter.
 */
export async function claimKey(db: Db, input: ClaimInput, now: Date): Promise<ClaimResult> {
  const { prisma } = db;
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
          processingUntil: new Date(now.getTime() + input.leaseMs),
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
      // An expired record no longer protects the key: remove it and claim afresh.
      await prisma.inboundEvent.deleteMany({ where: { id: existing.id, expiresAt: { lte: now } } });
      continue;
    }
    if (isFinal(existing.status)) {
      await countDuplicate(db, existing.id);
      return { kind: "replay", record: existing };
    }
    const leaseLeft = (existing.processingUntil?.getTime() ?? 0) - now.getTime();
    if (existing.status === "processing" && leaseLeft > 0) {
      await countDuplicate(db, existing.id);
      return { kind: "in_progress", record: existing, retryAfterSeconds: Math.max(1, Math.min(30, Math.ceil(leaseLeft / 1000))) };
    }
    const taken = await prisma.inboundEvent.updateMany({
      where: { id: existing.id, status: existing.status, runs: existing.runs },
      data: {
        status: "processing",
        runs: { increment: 1 },
        duplicateCount: { increment: 1 },
        providerAttempt: input.providerAttempt ?? existing.providerAttempt,
        processingUntil: new Date(now.getTime() + input.leaseMs),
        error: null,
      },
    });
    if (taken.count === 1) {
      return { kind: "claimed", record: { ...existing, status: "processing", runs: existing.runs + 1, duplicateCount: existing.duplicateCount + 1 } };
    }
  }
  throw new Error(`could not claim idempotency key after ${MAX_CLAIM_ROUNDS} rounds`);
}

export interface RunResult {
  status: Exclude<InboundStatus, "processing">;
  resultStatus: number;
  resultBody: string;
  error?: string | null;
  messageId?: string | null;
}

/**
 * Records how a run ended. Fenced on the run number, so a run that was taken over (its
 * lease ran out) cannot overwrite the newer run's result. Returns false when fenced out.
 */
export async function finishRun(db: Db, id: string, run: number, result: RunResult, now: Date): Promise<boolean> {
  const updated = await db.prisma.inboundEvent.updateMany({
    where: { id, runs: run },
    data: {
      status: result.status,
      resultStatus: result.resultStatus,
      resultBody: result.resultBody,
      error: result.error ?? null,
      messageId: result.messageId ?? undefined,
      processedAt: now,
      processingUntil: null,
    },
  });
  return updated.count === 1;
}

/** Removes records whose TTL has passed; returns how many. */
export async function deleteExpiredRecords(db: Db, now: Date): Promise<number> {
  const { count } = await db.prisma.inboundEvent.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
