import { getReadyDb } from "@/lib/db/ready";
import { getDeadLetter } from "@/lib/dlq/get-dead-letter";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await getDeadLetter(await getReadyDb(), id));
});
