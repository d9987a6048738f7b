import { json, noContent, parseBody, route } from "@/lib/http/handler";
import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { sourceStore } from "@/lib/inbound/runtime";
import { updateSourceSchema } from "@/lib/inbound/source-schema";
import { deleteSource, getSource, updateSource } from "@/lib/inbound/sources";

export const dynamic = "force-dynamic";

interface Ctx {
  params: Promise<{ id: string }>;
}

export const GET = route(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await getSource(await sourceStore(), id));
});

/** PATCH /api/sources/{id}: a changed signing scheme brings a new secret, returned this once. */
export const PATCH = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const input = await parseBody(req, updateSourceSchema);
  const store = await sourceStore();
  const updated = await updateSource(store, id, input);
  const { secret: _secret, ...changed } = input;
  await recordAudit(store.db, { actor: actorFrom(req), action: "source.update", targetType: "source", targetId: id, details: changed });
  return json(updated);
});

export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const store = await sourceStore();
  await deleteSource(store, id);
  await recordAudit(store.db, { actor: actorFrom(req), action: "source.delete", targetType: "source", targetId: id });
  return noContent();
});
