import { getReadyDb } from "@/lib/db/ready";
import { actorFrom } from "@/lib/auth/actor";
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
  return json(await updateEndpoint(db, id, patch, destinationPolicy(), actorFrom(req)));
});

export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await deleteEndpoint(await getReadyDb(), id, actorFrom(req));
  return noContent();
});
