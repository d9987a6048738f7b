import { z } from "zod";
import type { Db } from "../db/client";
import { AppError, notFound } from "../http/errors";
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
export async function settleHeld(db: Db, endpointId: string, action: HeldAction, now: Date = new Date()): Promise<SettledHeld> {
  const endpoint = await db.prisma.endpoint.findUnique({ where: { id: endpointId }, select: { enabled: true } });
  if (!endpoint) throw notFound("Endpoint");
  if (action === "send" && !endpoint.enabled) throw new AppError("conflict", "Re-enable the endpoint before sending its held deliveries");
  const where = { endpointId, status: "held" };
  const { count } =
    action === "send"
      ? await db.prisma.delivery.updateMany({ where, data: { status: "pending", nextAttemptAt: now } })
      : await db.prisma.delivery.updateMany({ where, data: { status: "failed", lastError: DISCARDED_HELD, completedAt: now } });
  if (action === "send" && count > 0) notifyNewDeliveries();
  return { endpointId, action, count };
}
