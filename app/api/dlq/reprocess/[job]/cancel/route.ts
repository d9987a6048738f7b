import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { getReadyDb } from "@/lib/db/ready";
import { cancelBulkJob } from "@/lib/dlq/cancel-bulk-job";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ job: string }> };

export const POST = route(async (req: Request, ctx: Ctx) => {
  const { job: id } = await ctx.params;
  const db = await getReadyDb();
  const job = await cancelBulkJob(db, id);
  await recordAudit(db, { actor: actorFrom(req), action: "bulk_job.cancel", targetType: "bulk_job", targetId: id, details: { processed: job.processed, total: job.total } });
  return json(job);
});
