import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";
import { jsonOrText } from "../http/json";
import { deliveryRowSelect, type DeliveryRow } from "./delivery-view";

export interface MessageView {
  id: string;
  eventType: string;
  /** The JSON value delivered to endpoints (a delivery's detail has its exact text). */
  payload: unknown;
  idempotencyKey: string | null;
  createdAt: Date;
  deliveries: DeliveryRow[];
}

export async function getMessage(db: Db, id: string): Promise<MessageView> {
  const row = await db.prisma.message.findUnique({
    where: { id },
    select: {
      id: true,
      eventType: true,
      payload: true,
      idempotencyKey: true,
      createdAt: true,
      deliveries: { select: deliveryRowSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!row) throw notFound("Message");
  return { ...row, payload: jsonOrText(row.payload) };
}
