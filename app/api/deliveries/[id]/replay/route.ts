import { actorFrom } from "@/lib/auth/actor";
import { getReadyDb } from "@/lib/db/ready";
import { resendRequestSchema } from "@/lib/dlq/endpoint-gate";
import { replayDelivery } from "@/lib/dlq/replay-delivery";
import { json, parseOptionalBody, route } from "@/lib/http/handler";
import { idempotentAction } from "@/lib/http/idempotent-action";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** 202: the new delivery is queued; follow it at /api/deliveries/{id}. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { enableEndpoint } = await parseOptionalBody(req, resendRequestSchema);
  const db = await getReadyDb();
  return idempotentAction(db, req, { scope: `delivery.replay:${id}`, request: { enableEndpoint } }, async () => json(await replayDelivery(db, id, { enableEndpoint }, actorFrom(req)), { status: 202 }));
});
