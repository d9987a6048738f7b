import { getReadyDb } from "@/lib/db/ready";
import { getMessage } from "@/lib/delivery/get-message";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await getMessage(await getReadyDb(), id));
});
