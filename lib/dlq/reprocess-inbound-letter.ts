import { config } from "../config";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { forwardedHeaders } from "../inbound/forwarded-headers";
import { inboundHandlers, type HandlerRegistry, type InboundEventView } from "../inbound/handlers";
import { parseHeaderRecord } from "../inbound/header-record";
import { PRESET_INFO, providerIdOf } from "../inbound/providers/catalog";
import { processEvent, type ProcessOutcome } from "../inbound/process-event";
import { deadLetterFor } from "../inbound/run-result";
import { logger } from "../log";
import { deadLetterSelect, toDeadLetterView, type DeadLetterRow, type DeadLetterView } from "./dead-letter-view";

export interface InboundReprocessDeps {
  registry: HandlerRegistry;
  budgetMs: number;
}

/** The process's handlers and time budget, the same the webhook route runs with. */
export function defaultInboundReprocessDeps(): InboundReprocessDeps {
  return { registry: inboundHandlers, budgetMs: config().HOOKRELAY_PROCESSING_BUDGET_MS };
}

/** Stands in for the source's name once the inbound record has expired and been removed. */
export const EXPIRED_SOURCE = "(expired)";

async function eventViewFor(db: Db, letter: DeadLetterRow): Promise<InboundEventView> {
  const event = letter.inboundEventId
    ? await db.prisma.inboundEvent.findUnique({
        where: { id: letter.inboundEventId },
        select: { id: true, idempotencyKey: true, runs: true, headers: true, source: { select: { name: true, provider: true } } },
      })
    : null;
  const headers = parseHeaderRecord(event?.headers ?? null);
  const preset = event && providerIdOf(event.source.provider);
  return {
    // The letter keeps the payload, so it can be reprocessed after its inbound record expired.
    id: event?.id ?? letter.id,
    source: event?.source.name ?? EXPIRED_SOURCE,
    eventType: letter.eventType,
    idempotencyKey: event?.idempotencyKey ?? letter.id,
    payload: JSON.parse(letter.payload) as unknown,
    rawBody: letter.payload,
    headers,
    sourceHeaders: forwardedHeaders(event?.source.name ?? EXPIRED_SOURCE, preset ? PRESET_INFO[preset] : { providerHeaders: [] }, headers),
    run: (event?.runs ?? 1) + letter.reprocessCount,
  };
}

function settledLetter(outcome: ProcessOutcome, now: Date): Prisma.DeadLetterUpdateInput {
  if (outcome.kind === "processed") return { status: "reprocessed", reprocessedAt: now };
  const failure: Prisma.DeadLetterUpdateInput = { status: "pending", failedAt: now, attempts: { increment: 1 } };
  const letter = deadLetterFor(outcome);
  if (letter) return { ...failure, reason: letter.reason, errorDetails: letter.details };
  // A transient failure keeps the letter's reason: nothing new was learnt about the event.
  return { ...failure, errorDetails: `Reprocessing failed and may succeed if tried again: ${outcome.reason}` };
}

export interface InboundReprocessResult {
  deadLetter: DeadLetterView;
  outcome: ProcessOutcome;
}

/**
 * Runs the inbound processing again for a letter already set to reprocessing: processed
 * makes it reprocessed; anything else returns it to pending with the new failure.
 */
export async function reprocessInboundLetter(db: Db, letter: DeadLetterRow, deps: InboundReprocessDeps): Promise<InboundReprocessResult> {
  let outcome: ProcessOutcome;
  try {
    outcome = await processEvent(db, await eventViewFor(db, letter), deps.registry, deps.budgetMs);
  } catch (err) {
    // Hand the letter back so it can be tried again; best effort, as the database is the likely cause.
    await db.prisma.deadLetter
      .updateMany({ where: { id: letter.id, status: "reprocessing" }, data: { status: "pending" } })
      .catch((releaseErr: unknown) => logger.warn({ err: releaseErr, deadLetterId: letter.id }, "could not return a dead letter to pending after its reprocess failed"));
    throw err;
  }
  const row = await db.prisma.deadLetter.update({ where: { id: letter.id }, data: settledLetter(outcome, new Date()), select: deadLetterSelect });
  if (outcome.kind === "processed" && letter.inboundEventId) {
    await db.prisma.inboundEvent.updateMany({ where: { id: letter.inboundEventId }, data: { messageId: outcome.messageId } });
  }
  return { deadLetter: toDeadLetterView(row), outcome };
}
