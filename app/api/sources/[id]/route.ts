import { json, noContent, parseBody, route } from "@/lib/http/handler";
import { actorFrom } from "@/lib/auth/actor";
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
  return json(await updateSource(await sourceStore(), id, input, actorFrom(req)));
});

export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await deleteSource(await sourceStore(), id, actorFrom(req));
  return noContent();
});
