import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { getReadyDb } from "@/lib/db/ready";
import { createReprocessJob, reprocessJobRequestSchema } from "@/lib/dlq/create-reprocess-job";
import { json, parseBody, route } from "@/lib/http/handler";
import { idempotentAction } from "@/lib/http/idempotent-action";

export const dynamic = "force-dynamic";

/** 202 with the queued job (follow it at /api/dlq/reprocess/{job}); 200 with the count for a dry run. */
export const POST = route(async (req) => {
  const request = await parseBody(req, reprocessJobRequestSchema);
  const db = await getReadyDb();
  const actor = actorFrom(req);
  return idempotentAction(db, req, "dead_letter.bulk_reprocess", async () => {
    const result = await createReprocessJob(db, request, actor);
    if (result.dryRun) return json(result);
    const { job } = result;
    await recordAudit(db, { actor, action: "dead_letter.bulk_reprocess", targetType: "bulk_job", targetId: job.id, details: { ...job.selection, total: job.total, ratePerSecond: job.ratePerSecond } });
    return json(result, { status: 202 });
  });
});
