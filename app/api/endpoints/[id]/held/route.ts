import { actorFrom } from "@/lib/auth/actor";
import { getReadyDb } from "@/lib/db/ready";
import { heldActionSchema, settleHeld } from "@/lib/delivery/held-deliveries";
import { json, parseBody, route } from "@/lib/http/handler";
import { idempotentAction } from "@/lib/http/idempotent-action";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Sends or discards the deliveries held while the endpoint was disabled. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const { action } = await parseBody(req, heldActionSchema);
  const db = await getReadyDb();
  return idempotentAction(db, req, { scope: `endpoint.held:${id}`, request: { action } }, async () => json(await settleHeld(db, id, action, actorFrom(req))));
});
