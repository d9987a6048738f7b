import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { getReadyDb } from "@/lib/db/ready";
import { discardDeadLetter } from "@/lib/dlq/discard-dead-letter";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const db = await getReadyDb();
  const letter = await discardDeadLetter(db, id);
  await recordAudit(db, { actor: actorFrom(req), action: "dead_letter.discard", targetType: "dead_letter", targetId: id, details: { reason: letter.reason } });
  return json(letter);
});
