import { getReadyDb } from "@/lib/db/ready";
import { deletePolicy, getPolicy, policyUpdateSchema, updatePolicy } from "@/lib/delivery/policies";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await getPolicy(await getReadyDb(), id));
});

export const PATCH = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const patch = await parseBody(req, policyUpdateSchema);
  return json(await updatePolicy(await getReadyDb(), id, patch));
});

export const DELETE = route(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await deletePolicy(await getReadyDb(), id));
});
