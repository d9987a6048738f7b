import { getReadyDb } from "@/lib/db/ready";
import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { deletePolicy, getPolicy, policyUpdateSchema, updatePolicy } from "@/lib/delivery/policies";
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
  const updated = await updatePolicy(db, id, patch);
  await recordAudit(db, { actor: actorFrom(req), action: "policy.update", targetType: "policy", targetId: id, details: patch });
  return json(updated);
});

export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const db = await getReadyDb();
  const deleted = await deletePolicy(db, id);
  await recordAudit(db, { actor: actorFrom(req), action: "policy.delete", targetType: "policy", targetId: id, details: { endpointsAffected: deleted.endpointsAffected } });
  return noContent();
});
