import type { Db } from "../db/client";
import { endpointInclude, toEndpointView, type EndpointView } from "./endpoint-view";

/** Every endpoint, newest first: installations have tens of them, not thousands, so no paging. */
export async function listEndpoints(db: Db): Promise<{ data: EndpointView[] }> {
  const rows = await db.prisma.endpoint.findMany({ include: endpointInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const now = new Date();
  return { data: rows.map((row) => toEndpointView(row, now)) };
}
