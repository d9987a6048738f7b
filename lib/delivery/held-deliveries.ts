import { z } from "zod";
import { recordAudit } from "../auth/audit";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { notifyNewDeliveries } from "./wakeup";

export const heldActionSchema = z.object({
  action: z.enum(["send", "discard"], { message: 'The action is "send" or "discard"' }),
});
export type HeldAction = z.infer<typeof heldActionSchema>["action"];

export interface SettledHeld {
  endpointId: string;
  action: HeldAction;
  /** Held deliveries sent or discarded. */
  count: number;
}

export const DISCARDED_HELD = "Discarded by an operator: made while its endpoint was disabled, never sent";

/** Deliveries waiting behind a disabled endpoint. */
export async function countHeld(db: Db, endpointId: string): Promise<number> {
  return db.prisma.delivery.count({ where: { endpointId, status: "held" } });
}

/**
 * Sends the endpoint's held deliveries (due now, paced by the endpoint's own rate limit and
 * concurrency like any backlog) or discards them (failed, with the reason on each). Sending
 * needs the endpoint enabled again: they would only be held anew.
 */
export async function settleHeld(db: Db, endpointId: string, action: HeldAction, actor: string, now: Date = new Date()): Promise<SettledHeld> {
  const endpoint = await db.prisma.endpoint.findUnique({ where: { id: endpointId }, select: { enabled: true } });
  if (!endpoint) throw notFound("Endpoint");
  if (action === "send" && !endpoint.enabled) throw new AppError("conflict", "Re-enable the endpoint before sending its held deliveries");
  const where = { endpointId, status: "held" };
  const count = await db.prisma.$transaction(async (tx) => {
    const { count: changed } =
      action === "send"
        ? await tx.delivery.updateMany({ where, data: { status: "pending", nextAttemptAt: now } })
        : await tx.delivery.updateMany({ where, data: { status: "failed", lastError: DISCARDED_HELD, completedAt: now } });
    await recordAudit(tx, { actor, action: `endpoint.held_${action}`, targetType: "endpoint", targetId: endpointId, details: { count: changed } });
    return changed;
  });
  if (action === "send" && count > 0) notifyNewDeliveries();
  return { endpointId, action, count };
}
