import { z } from "zod";
import { keysetPage, pageQueryShape, type Page } from "../db/keyset-page";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { listSearchSchema, messagesMatching } from "../search/list-filter";
import { DELIVERY_STATUSES, deliveryOrder, deliveryRowSelect, type DeliveryRow } from "./delivery-view";

const STATUS_MESSAGE = `Status must be one or more of: ${DELIVERY_STATUSES.join(", ")} (comma-separated)`;
const DATE_MESSAGE = "Must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z";

const isoDateTime = z.iso.datetime({ offset: true, error: DATE_MESSAGE }).transform((s) => new Date(s));

export const deliveryListQuerySchema = z.object({
  ...pageQueryShape,
  status: z
    .string()
    .transform((s) => s.split(",").map((part) => part.trim()))
    .pipe(z.array(z.enum(DELIVERY_STATUSES, { error: STATUS_MESSAGE })).min(1, STATUS_MESSAGE))
    .optional(),
  endpointId: z.string().min(1).optional(),
  eventType: z.string().min(1).max(200).optional(),
  /** Inclusive lower bound on createdAt. */
  since: isoDateTime.optional(),
  /** Exclusive upper bound on createdAt. */
  until: isoDateTime.optional(),
  q: listSearchSchema,
});

export type DeliveryListQuery = z.output<typeof deliveryListQuerySchema>;

export type DeliveryPage = Page<DeliveryRow>;

export async function listDeliveries(db: Db, query: DeliveryListQuery): Promise<DeliveryPage> {
  const filters: Prisma.DeliveryWhereInput = {
    status: query.status ? { in: query.status } : undefined,
    endpointId: query.endpointId,
    message: query.eventType ? { eventType: query.eventType } : undefined,
    messageId: query.q ? { in: await messagesMatching(db, query.q) } : undefined,
    createdAt: { gte: query.since, lt: query.until },
  };
  return keysetPage(query, {
    field: "createdAt",
    noun: "a delivery",
    cursorRow: (id) => db.prisma.delivery.findUnique({ where: { id }, select: { id: true, createdAt: true } }),
    rows: (after, take) => db.prisma.delivery.findMany({ where: { AND: [filters, after ?? {}] }, orderBy: deliveryOrder, take, select: deliveryRowSelect }),
  });
}
