import { json, parseOptionalBody, route } from "@/lib/http/handler";
import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { sourceStore } from "@/lib/inbound/runtime";
import { rotateSecretSchema } from "@/lib/inbound/source-schema";
import { rotateSourceSecret } from "@/lib/inbound/sources";

export const dynamic = "force-dynamic";

/** POST /api/sources/{id}/rotate-secret: a new secret, returned this once; the old one stays valid for a while. */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const input = await parseOptionalBody(req, rotateSecretSchema);
  const store = await sourceStore();
  const rotated = await rotateSourceSecret(store, id, input);
  await recordAudit(store.db, { actor: actorFrom(req), action: "source.rotate_secret", targetType: "source", targetId: id });
  return json(rotated);
});
