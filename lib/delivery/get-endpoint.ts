import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";
import { endpointHealth, type EndpointHealth } from "./endpoint-health";
import { endpointInclude, toEndpointView, type EndpointView } from "./endpoint-view";

export type EndpointDetail = EndpointView & { health: EndpointHealth };

export async function getEndpoint(db: Db, id: string, now: Date = new Date()): Promise<EndpointDetail> {
  const row = await db.prisma.endpoint.findUnique({ where: { id }, include: endpointInclude });
  if (!row) throw notFound("Endpoint");
  return { ...toEndpointView(row, now), health: await endpointHealth(db, row, now) };
}
