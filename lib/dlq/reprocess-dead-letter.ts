import { recordAudit } from "../auth/audit";
import type { Db, Tx } from "../db/client";
import { isRecordNotFound } from "../db/errors";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { notifyNewDeliveries } from "../delivery/wakeup";
import { AppError, notFound } from "../errors/app-error";
import { UNTYPED_EVENT, type ProcessOutcome } from "../inbound/process-event";
import { deadLetterSelect, letterKind, toDeadLetterView, type DeadLetterView } from "./dead-letter-view";
import { endpointStateSelect, requireEnabledEndpoints } from "./endpoint-gate";
import { reprocessInboundLetter, type InboundReprocessDeps } from "./reprocess-inbound-letter";

export interface ReprocessOptions {
  /** Re-enable the letter's endpoint when it is disabled, instead of answering 409. */
  enableEndpoint: boolean;
  inbound: InboundReprocessDeps;
  /**
   * Runs in the transaction that starts the reprocess, so its writes commit with the start
   * or not at all: a bulk job advances its cursor here and takes each letter exactly once.
   */
  commitWith?: (tx: Tx) => Promise<void>;
  /**
   * Who asked, for the audit row written in that same transaction. Absent for a bulk job's
   * letters: the job itself is audited when it is created.
   */
  actor?: string;
}

export type ReprocessResult =
  | { kind: "delivery"; deadLetter: DeadLetterView; deliveryId: string }
  | { kind: "inbound"; deadLetter: DeadLetterView; outcome: ProcessOutcome };

const NOT_PENDING: Record<string, string> = {
  reprocessing: "This dead letter is already being reprocessed; its delivery decides whether it becomes reprocessed or pending again",
  reprocessed: "This dead letter was already reprocessed successfully; replay its delivery to send it again",
  discarded: "This dead letter was discarded; a discarded letter is kept for the record and cannot be reprocessed",
};

const claimSelect = {
  ...deadLetterSelect,
  delivery: { select: { messageId: true } },
  endpoint: { select: endpointStateSelect },
} as const satisfies Prisma.DeadLetterSelect;

type ClaimedLetter = Prisma.DeadLetterGetPayload<{ select: typeof claimSelect }>;

/** The compare-and-set that makes a second click harmless: only a pending letter moves on. */
async function claimLetter(tx: Tx, id: string): Promise<ClaimedLetter> {
  try {
    return await tx.deadLetter.update({ where: { id, status: "pending" }, data: { status: "reprocessing", reprocessCount: { increment: 1 } }, select: claimSelect });
  } catch (err) {
    if (!isRecordNotFound(err)) throw err;
  }
  const letter = await tx.deadLetter.findUnique({ where: { id }, select: { status: true } });
  if (!letter) throw notFound("Dead letter");
  throw new AppError("conflict", NOT_PENDING[letter.status] ?? `This dead letter is ${letter.status}; only pending letters can be reprocessed`, {
    details: { reason: "not_pending", status: letter.status },
  });
}

/**
 * Every delivery of a letter carries one message. Once the original delivery is gone (its
 * message was deleted) the last reprocess may still name one; failing that, the letter's
 * own payload becomes a new message.
 */
async function messageFor(tx: Tx, letter: ClaimedLetter): Promise<string> {
  if (letter.delivery) return letter.delivery.messageId;
  const last = letter.lastDeliveryId ? await tx.delivery.findUnique({ where: { id: letter.lastDeliveryId }, select: { messageId: true } }) : null;
  if (last) return last.messageId;
  const message = await tx.message.create({ data: { eventType: letter.eventType ?? UNTYPED_EVENT, payload: letter.payload }, select: { id: true } });
  return message.id;
}

async function startDelivery(tx: Tx, letter: ClaimedLetter, enableEndpoint: boolean): Promise<string> {
  if (!letter.endpoint) {
    throw new AppError("conflict", "The endpoint this letter was sent to has been deleted, so it cannot be reprocessed; discard it to close it", {
      details: { reason: "endpoint_deleted", url: letter.url },
    });
  }
  await requireEnabledEndpoints(tx, [letter.endpoint], enableEndpoint);
  const delivery = await tx.delivery.create({
    // deadLetterId marks it as this letter's reprocess: the worker settles the letter when the delivery ends.
    data: { messageId: await messageFor(tx, letter), endpointId: letter.endpoint.id, deadLetterId: letter.id },
    select: { id: true },
  });
  return delivery.id;
}

/**
 * Reprocesses one pending letter. A delivery letter gets a new delivery linked to it (the
 * letter is reprocessing until the worker settles it); an inbound letter runs the inbound
 * processing again at once. Anything but a pending letter is a 409 and starts nothing.
 */
export async function reprocessDeadLetter(db: Db, id: string, options: ReprocessOptions): Promise<ReprocessResult> {
  const started = await db.prisma.$transaction(async (tx) => {
    const claimed = await claimLetter(tx, id);
    await options.commitWith?.(tx);
    const { delivery: _original, endpoint: _endpoint, ...letter } = claimed;
    const kind = letterKind(letter);
    const deliveryId = kind === "delivery" ? await startDelivery(tx, claimed, options.enableEndpoint) : null;
    if (options.actor !== undefined) {
      // An inbound letter's outcome is known only after this commits; the letter itself shows it.
      const details = deliveryId === null ? { kind } : { deliveryId, enableEndpoint: options.enableEndpoint };
      await recordAudit(tx, { actor: options.actor, action: "dead_letter.reprocess", targetType: "dead_letter", targetId: id, details });
    }
    return { letter, deliveryId };
  });
  if (started.deliveryId === null) return { kind: "inbound", ...(await reprocessInboundLetter(db, started.letter, options.inbound)) };
  notifyNewDeliveries();
  return { kind: "delivery", deadLetter: toDeadLetterView(started.letter), deliveryId: started.deliveryId };
}
