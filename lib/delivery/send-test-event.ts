import { recordAudit } from "../auth/audit";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { notifyNewDeliveries } from "./wakeup";

export const TEST_EVENT_TYPE = "hookrelay.test";

export interface SentTestEvent {
  messageId: string;
  deliveryId: string;
}

/**
 * A test event for one endpoint, whatever its filter: a message of type hookrelay.test with
 * a single delivery, signed and retried like any other, so the operator sees exactly what
 * the endpoint answers.
 */
export async function sendTestEvent(db: Db, endpointId: string, actor: string, now: Date = new Date()): Promise<SentTestEvent> {
  const endpoint = await db.prisma.endpoint.findUnique({ where: { id: endpointId }, select: { enabled: true } });
  if (!endpoint) throw notFound("Endpoint");
  if (!endpoint.enabled) throw new AppError("conflict", "The endpoint is disabled; re-enable it to send it a test event");
  const payload = JSON.stringify({ type: TEST_EVENT_TYPE, data: { endpointId, sentAt: now.toISOString(), note: "A test event sent from the Hookrelay dashboard" } });
  const sent = await db.prisma.$transaction(async (tx) => {
    const message = await tx.message.create({ data: { eventType: TEST_EVENT_TYPE, payload, createdAt: now }, select: { id: true } });
    const delivery = await tx.delivery.create({ data: { messageId: message.id, endpointId, nextAttemptAt: now }, select: { id: true } });
    const sent = { messageId: message.id, deliveryId: delivery.id };
    await recordAudit(tx, { actor, action: "endpoint.send_test", targetType: "endpoint", targetId: endpointId, details: sent });
    return sent;
  });
  notifyNewDeliveries();
  return sent;
}
