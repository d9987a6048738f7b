import { actorFrom } from "@/lib/auth/actor";
import { getReadyDb } from "@/lib/db/ready";
import { sendTestEvent } from "@/lib/delivery/send-test-event";
import { json, route } from "@/lib/http/handler";
import { idempotentAction } from "@/lib/http/idempotent-action";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** 202: the test delivery is queued; follow it at /api/deliveries/{deliveryId}. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const db = await getReadyDb();
  return idempotentAction(db, req, { scope: `endpoint.send_test:${id}`, request: null }, async () => json(await sendTestEvent(db, id, actorFrom(req)), { status: 202 }));
});
