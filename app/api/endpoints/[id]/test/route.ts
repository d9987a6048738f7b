import { getReadyDb } from "@/lib/db/ready";
import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { sendTestEvent } from "@/lib/delivery/send-test-event";
import { json, route } from "@/lib/http/handler";
import { idempotentAction } from "@/lib/http/idempotent-action";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** 202: the test delivery is queued; follow it at /api/deliveries/{deliveryId}. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const db = await getReadyDb();
  return idempotentAction(db, req, `endpoint.send_test:${id}`, async () => {
    const sent = await sendTestEvent(db, id);
    await recordAudit(db, { actor: actorFrom(req), action: "endpoint.send_test", targetType: "endpoint", targetId: id, details: sent });
    return json(sent, { status: 202 });
  });
});
