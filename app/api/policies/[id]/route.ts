import { getReadyDb } from "@/lib/db/ready";
import { actorFrom } from "@/lib/auth/actor";
import { deletePolicy, getPolicy, updatePolicy } from "@/lib/delivery/policies";
import { policyUpdateSchema } from "@/lib/delivery/policy-schema";
import { json, noContent, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await getPolicy(await getReadyDb(), id));
});

export const PATCH = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const patch = await parseBody(req, policyUpdateSchema);
  const db = await getReadyDb();
  return json(await updatePolicy(db, id, patch, actorFrom(req)));
});

export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await deletePolicy(await getReadyDb(), id, actorFrom(req));
  return noContent();
});
