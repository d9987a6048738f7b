import { actorFrom } from "@/lib/auth/actor";
import { getReadyDb } from "@/lib/db/ready";
import { createReprocessJob, reprocessJobRequestSchema } from "@/lib/dlq/create-reprocess-job";
import { json, parseBody, route } from "@/lib/http/handler";
import { idempotentAction } from "@/lib/http/idempotent-action";

export const dynamic = "force-dynamic";

/** 202 with the queued job (follow it at /api/dlq/reprocess/{job}); 200 with the count for a dry run. */
export const POST = route(async (req) => {
  const request = await parseBody(req, reprocessJobRequestSchema);
  const db = await getReadyDb();
  return idempotentAction(db, req, { scope: "dead_letter.bulk_reprocess", request }, async () => {
    const result = await createReprocessJob(db, request, actorFrom(req));
    return json(result, { status: result.dryRun ? 200 : 202 });
  });
});
