import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";
import { endpointHealth, type EndpointHealth } from "./endpoint-health";
import { endpointInclude, toEndpointView, type EndpointView } from "./endpoint-view";
import { countHeld } from "./held-deliveries";

export type EndpointDetail = EndpointView & {
  health: EndpointHealth;
  /** Deliveries made while it was disabled, waiting for an operator to send or discard them. */
  heldDeliveries: number;
};

export async function getEndpoint(db: Db, id: string, now: Date = new Date()): Promise<EndpointDetail> {
  const row = await db.prisma.endpoint.findUnique({ where: { id }, include: endpointInclude });
  if (!row) throw notFound("Endpoint");
  const [health, heldDeliveries] = await Promise.all([endpointHealth(db, row, now), countHeld(db, id)]);
  return { ...toEndpointView(row, now), health, heldDeliveries };
}
