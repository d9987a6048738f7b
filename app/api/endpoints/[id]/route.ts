import { getReadyDb } from "@/lib/db/ready";
import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { deleteEndpoint } from "@/lib/delivery/delete-endpoint";
import { destinationPolicy } from "@/lib/delivery/endpoint-checks";
import { endpointUpdateSchema } from "@/lib/delivery/endpoint-schema";
import { getEndpoint } from "@/lib/delivery/get-endpoint";
import { updateEndpoint } from "@/lib/delivery/update-endpoint";
import { json, noContent, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await getEndpoint(await getReadyDb(), id));
});

export const PATCH = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const patch = await parseBody(req, endpointUpdateSchema);
  const db = await getReadyDb();
  const updated = await updateEndpoint(db, id, patch, destinationPolicy());
  await recordAudit(db, { actor: actorFrom(req), action: "endpoint.update", targetType: "endpoint", targetId: id, details: patch });
  return json(updated);
});

export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const db = await getReadyDb();
  await deleteEndpoint(db, id);
  await recordAudit(db, { actor: actorFrom(req), action: "endpoint.delete", targetType: "endpoint", targetId: id });
  return noContent();
});
