import { recordAudit } from "../auth/audit";
import type { Db } from "../db/client";
import { notifyNewDeliveries } from "../delivery/wakeup";
import { notFound } from "../errors/app-error";
import { endpointStateSelect, requireEnabledEndpoints } from "./endpoint-gate";

export interface ReplayedDelivery {
  id: string;
  replayOfId: string;
  messageId: string;
  endpointId: string;
  status: string;
  createdAt: Date;
}

/**
 * Sends a delivery's message to its endpoint again as a new delivery, whatever the first
 * one's status (a resend, in Stripe's and Svix's words). The message is the same, so the
 * receiver sees the same webhook-id and can tell it is a repeat.
 */
export async function replayDelivery(db: Db, id: string, options: { enableEndpoint: boolean }, actor: string): Promise<ReplayedDelivery> {
  const replay = await db.prisma.$transaction(async (tx) => {
    const original = await tx.delivery.findUnique({ where: { id }, select: { id: true, messageId: true, endpointId: true, endpoint: { select: endpointStateSelect } } });
    if (!original) throw notFound("Delivery");
    await requireEnabledEndpoints(tx, [original.endpoint], options.enableEndpoint);
    const created = await tx.delivery.create({
      data: { messageId: original.messageId, endpointId: original.endpointId, replayOfId: original.id },
      select: { id: true, messageId: true, endpointId: true, status: true, createdAt: true },
    });
    await recordAudit(tx, { actor, action: "delivery.replay", targetType: "delivery", targetId: id, details: { replayId: created.id, enableEndpoint: options.enableEndpoint } });
    return created;
  });
  notifyNewDeliveries();
  return { ...replay, replayOfId: id };
}
