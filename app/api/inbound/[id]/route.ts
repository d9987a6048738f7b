import { getReadyDb } from "@/lib/db/ready";
import { json, route } from "@/lib/http/handler";
import { getInboundEvent } from "@/lib/inbound/list-events";

export const dynamic = "force-dynamic";

export const GET = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return json(await getInboundEvent(await getReadyDb(), id));
});
