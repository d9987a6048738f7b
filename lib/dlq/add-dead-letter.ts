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
