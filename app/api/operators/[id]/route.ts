import { actorFrom, requireOperator } from "@/lib/auth/actor";
import { removeOperator } from "@/lib/auth/operators";
import { getReadyDb } from "@/lib/db/ready";
import { noContent, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const operator = requireOperator(req);
  await removeOperator(await getReadyDb(), id, { operatorId: operator.id, actor: actorFrom(req) });
  return noContent();
});
