import type { Prisma } from "../db/generated/sqlite/client.ts";

export const DEAD_LETTER_STATUSES = ["pending", "reprocessing", "reprocessed", "discarded"] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** Outbound letters are failed deliveries; inbound letters are events the processor refused. */
export const DEAD_LETTER_KINDS = ["delivery", "inbound"] as const;
export type DeadLetterKind = (typeof DEAD_LETTER_KINDS)[number];

/**
 * Only delivery letters carry a URL. The kind is read from it rather than from the links,
 * because both links are nulled when what they point to is deleted (an expired inbound
 * record, a deleted endpoint) while the letter stays.
 */
export const kindWhere: Record<DeadLetterKind, Prisma.DeadLetterWhereInput> = {
  delivery: { url: { not: null } },
  inbound: { url: null },
};

export function letterKind(letter: { url: string | null }): DeadLetterKind {
  return letter.url === null ? "inbound" : "delivery";
}

export const deadLetterSelect = {
  id: true,
  status: true,
  reason: true,
  errorDetails: true,
  attempts: true,
  failedAt: true,
  url: true,
  eventType: true,
  payload: true,
  endpointId: true,
  deliveryId: true,
  inboundEventId: true,
  lastDeliveryId: true,
  reprocessCount: true,
  reprocessedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.DeadLetterSelect;

export type DeadLetterRow = Prisma.DeadLetterGetPayload<{ select: typeof deadLetterSelect }>;

export type DeadLetterView = DeadLetterRow & { kind: DeadLetterKind };

export function toDeadLetterView(row: DeadLetterRow): DeadLetterView {
  return { ...row, kind: letterKind(row) };
}

/** Latest failure first; the id breaks ties between letters that failed in the same millisecond. */
export const deadLetterOrder = [{ failedAt: "desc" }, { id: "desc" }] as const satisfies Prisma.DeadLetterOrderByWithRelationInput[];
