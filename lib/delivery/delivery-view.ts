import type { Prisma } from "../db/generated/sqlite/client.ts";

/** `held`: made while its endpoint was disabled; waits, unattempted, until an operator sends or discards it. */
export const DELIVERY_STATUSES = ["pending", "in_flight", "succeeded", "failed", "dead", "held"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The columns of a delivery in lists; the selected shape is the API shape. */
export const deliveryRowSelect = {
  id: true,
  status: true,
  attemptCount: true,
  nextAttemptAt: true,
  createdAt: true,
  updatedAt: true,
  completedAt: true,
  lastStatusCode: true,
  lastError: true,
  endpoint: { select: { id: true, url: true } },
  message: { select: { id: true, eventType: true } },
} as const satisfies Prisma.DeliverySelect;

export type DeliveryRow = Prisma.DeliveryGetPayload<{ select: typeof deliveryRowSelect }>;

/** Newest first; the id breaks ties between rows created in the same millisecond. */
export const deliveryOrder = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies Prisma.DeliveryOrderByWithRelationInput[];
