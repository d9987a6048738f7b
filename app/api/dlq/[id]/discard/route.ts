import { actorFrom } from "@/lib/auth/actor";
import { getReadyDb } from "@/lib/db/ready";
import { discardDeadLetter } from "@/lib/dlq/discard-dead-letter";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await discardDeadLetter(await getReadyDb(), id, actorFrom(req)));
});
