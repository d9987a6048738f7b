import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { getReadyDb } from "@/lib/db/ready";
import { discardDeadLetters, discardRequestSchema } from "@/lib/dlq/discard-dead-letters";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const POST = route(async (req) => {
  const request = await parseBody(req, discardRequestSchema);
  const db = await getReadyDb();
  const actor = actorFrom(req);
  const result = await discardDeadLetters(db, request, actor);
  if (!result.dryRun) {
    await recordAudit(db, { actor, action: "dead_letter.bulk_discard", targetType: "bulk_job", targetId: result.job.id, details: { ...result.job.selection, discarded: result.discarded } });
  }
  return json(result);
});
