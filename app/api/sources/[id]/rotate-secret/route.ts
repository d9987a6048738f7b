import { json, parseOptionalBody, route } from "@/lib/http/handler";
import { actorFrom } from "@/lib/auth/actor";
import { sourceStore } from "@/lib/inbound/runtime";
import { rotateSecretSchema } from "@/lib/inbound/source-schema";
import { rotateSourceSecret } from "@/lib/inbound/sources";

export const dynamic = "force-dynamic";

/** POST /api/sources/{id}/rotate-secret: a new secret, returned this once; the old one stays valid for a while. */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const input = await parseOptionalBody(req, rotateSecretSchema);
  return json(await rotateSourceSecret(await sourceStore(), id, input, actorFrom(req)));
});
