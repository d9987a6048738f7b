import type { FailureReason } from "../retry/classify";
import type { PrismaClient } from "../db/client";

type Tx = Pick<PrismaClient, "deadLetter">;

export interface InboundDeadLetterInput {
  inboundEventId: string;
  eventType: string | null;
  payload: string;
  reason: FailureReason;
  errorDetails: string;
}

/** An inbound event the processor refused for good: kept so an operator can reprocess it. */
export async function addInboundDeadLetter(prisma: Tx, input: InboundDeadLetterInput): Promise<string> {
  const letter = await prisma.deadLetter.create({
    data: {
      inboundEventId: input.inboundEventId,
      eventType: input.eventType,
      payload: input.payload,
      reason: input.reason,
      errorDetails: input.errorDetails,
      attempts: 1,
    },
    select: { id: true },
  });
  return letter.id;
}

export interface DeliveryDeadLetterInput {
  deliveryId: string;
  endpointId: string;
  url: string;
  eventType: string;
  payload: string;
  reason: FailureReason;
  errorDetails: string;
  attempts: number;
  failedAt: Date;
  /** Set when the delivery was itself a reprocess of this letter. */
  reprocessedLetterId: string | null;
}

/**
 * A delivery that gave up. A reprocess that fails again puts its letter back to pending
 * with the new failure (the history stays on the deliveries), instead of a second letter.
 */
export async function addDeliveryDeadLetter(prisma: Tx, input: DeliveryDeadLetterInput): Promise<string> {
  if (input.reprocessedLetterId) {
    const letter = await prisma.deadLetter.update({
      where: { id: input.reprocessedLetterId },
      data: {
        status: "pending",
        reason: input.reason,
        errorDetails: input.errorDetails,
        attempts: { increment: input.attempts },
        failedAt: input.failedAt,
        lastDeliveryId: input.deliveryId,
        url: input.url,
      },
      select: { id: true },
    });
    return letter.id;
  }
  const letter = await prisma.deadLetter.create({
    data: {
      deliveryId: input.deliveryId,
      lastDeliveryId: input.deliveryId,
      endpointId: input.endpointId,
      url: input.url,
      eventType: input.eventType,
      payload: input.payload,
      reason: input.reason,
      errorDetails: input.errorDetails,
      attempts: input.attempts,
      failedAt: input.failedAt,
    },
    select: { id: true },
  });
  return letter.id;
}
