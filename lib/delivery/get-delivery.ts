import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { notFound } from "../errors/app-error";
import { deliveryRowSelect } from "./delivery-view";
import { policyInEffect, type PolicyInEffect } from "./policies";

const detailSelect = {
  ...deliveryRowSelect,
  replayOfId: true,
  endpoint: { select: { id: true, url: true, enabled: true, policyId: true } },
  message: { select: { id: true, eventType: true, payload: true, createdAt: true } },
  attempts: {
    orderBy: { number: "asc" },
    select: { number: true, startedAt: true, durationMs: true, statusCode: true, error: true, responseBody: true, outcome: true, delayMs: true },
  },
  replays: { select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  deadLetters: { select: { id: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 },
} satisfies Prisma.DeliverySelect;

type DeliveryDetailRow = Prisma.DeliveryGetPayload<{ select: typeof detailSelect }>;

/** The message payload in it is the exact text sent, not re-serialized JSON. */
export type DeliveryDetail = Omit<DeliveryDetailRow, "replays" | "deadLetters"> & {
  policy: PolicyInEffect;
  /** When the next attempt is due; null unless the delivery is waiting for one. */
  nextRetryAt: Date | null;
  replayIds: string[];
  deadLetterId: string | null;
};

/** One delivery with its attempt timeline and the retry policy that governs it. */
export async function getDelivery(db: Db, id: string): Promise<DeliveryDetail> {
  const row = await db.prisma.delivery.findUnique({ where: { id }, select: detailSelect });
  if (!row) throw notFound("Delivery");
  const { replays, deadLetters, ...rest } = row;
  return {
    ...rest,
    policy: await policyInEffect(db, row.endpoint.policyId),
    nextRetryAt: row.status === "pending" ? row.nextAttemptAt : null,
    replayIds: replays.map((r) => r.id),
    deadLetterId: deadLetters[0]?.id ?? null,
  };
}
