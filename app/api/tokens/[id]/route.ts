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
  await revokeApiToken(await getReadyDb(), id, actorFrom(req));
  return noContent();
});
