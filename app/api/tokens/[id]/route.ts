import { recordAudit } from "@/lib/auth/audit";
import { actorFrom, requireOperator } from "@/lib/auth/actor";
import { revokeApiToken } from "@/lib/auth/tokens";
import { getReadyDb } from "@/lib/db/ready";
import { noContent, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Revokes the token: the next request that presents it gets 401. Revoking it again is no error and keeps the first time. */
export const DELETE = route(async (req: Request, ctx: Ctx) => {
  requireOperator(req);
  const { id } = await ctx.params;
  const db = await getReadyDb();
  const token = await revokeApiToken(db, id);
  await recordAudit(db, { actor: actorFrom(req), action: "token.revoke", targetType: "api_token", targetId: token.id, details: { name: token.name, prefix: token.prefix } });
  return noContent();
});
