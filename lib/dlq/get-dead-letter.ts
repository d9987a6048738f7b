import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";
import { deadLetterSelect, toDeadLetterView, type DeadLetterView } from "./dead-letter-view";
import { loadLetterHistories, type LetterHistory } from "./letter-history";

export interface DeadLetterDetail extends DeadLetterView, LetterHistory {
  endpoint: { id: string; url: string; enabled: boolean; disabledReason: string | null } | null;
  inboundEvent: { id: string; source: string; idempotencyKey: string; status: string; receivedAt: Date } | null;
}

/** One letter with everything an operator needs to decide: the payload, the failure, every attempt. */
export async function getDeadLetter(db: Db, id: string): Promise<DeadLetterDetail> {
  const row = await db.prisma.deadLetter.findUnique({
    where: { id },
    select: {
      ...deadLetterSelect,
      endpoint: { select: { id: true, url: true, enabled: true, disabledReason: true } },
      inboundEvent: { select: { id: true, idempotencyKey: true, status: true, receivedAt: true, source: { select: { name: true } } } },
    },
  });
  if (!row) throw notFound("Dead letter");
  const { endpoint, inboundEvent, ...letter } = row;
  const history = (await loadLetterHistories(db, [letter], { responseBodies: true })).get(letter.id);
  return {
    ...toDeadLetterView(letter),
    deliveries: history?.deliveries ?? [],
    history: history?.history ?? [],
    endpoint,
    inboundEvent: inboundEvent && { id: inboundEvent.id, source: inboundEvent.source.name, idempotencyKey: inboundEvent.idempotencyKey, status: inboundEvent.status, receivedAt: inboundEvent.receivedAt },
  };
}
