import { actorFrom } from "@/lib/auth/actor";
import { getReadyDb } from "@/lib/db/ready";
import { resendRequestSchema } from "@/lib/dlq/endpoint-gate";
import { reprocessDeadLetter } from "@/lib/dlq/reprocess-dead-letter";
import { defaultInboundReprocessDeps } from "@/lib/dlq/reprocess-inbound-letter";
import { json, parseOptionalBody, route } from "@/lib/http/handler";
import { idempotentAction } from "@/lib/http/idempotent-action";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** 202 when a delivery was queued (the letter is reprocessing); 200 when an inbound letter was run again (the letter shows how it ended). */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { enableEndpoint } = await parseOptionalBody(req, resendRequestSchema);
  const db = await getReadyDb();
  return idempotentAction(db, req, { scope: `dead_letter.reprocess:${id}`, request: { enableEndpoint } }, async () => {
    const result = await reprocessDeadLetter(db, id, { enableEndpoint, inbound: defaultInboundReprocessDeps(), actor: actorFrom(req) });
    return json(result, { status: result.kind === "delivery" ? 202 : 200 });
  });
});
