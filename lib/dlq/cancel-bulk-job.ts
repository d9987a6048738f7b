import { recordAudit } from "../auth/audit";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors/app-error";
import { toBulkJobView, type BulkJobView } from "./bulk-job-view";

/**
 * Stops a job from taking more letters. A queued job ends at once; a running one is
 * marked cancelled and its runner stops taking letters, waits for the ones it started
 * to settle, then sets finishedAt.
 */
export async function cancelBulkJob(db: Db, id: string, actor: string): Promise<BulkJobView> {
  const now = new Date();
  return db.prisma.$transaction(async (tx) => {
    // Queued first: a job the runner starts between the two statements is caught by the second.
    const queued = await tx.bulkJob.updateMany({ where: { id, status: "queued" }, data: { status: "cancelled", finishedAt: now } });
    const running = queued.count ? queued : await tx.bulkJob.updateMany({ where: { id, status: "running" }, data: { status: "cancelled" } });
    const row = await tx.bulkJob.findUnique({ where: { id } });
    if (!row) throw notFound("Job");
    if (running.count === 0) {
      throw new AppError("conflict", `This job is ${row.status}; only a queued or running job can be cancelled`, { details: { reason: "not_cancellable", status: row.status } });
    }
    await recordAudit(tx, { actor, action: "bulk_job.cancel", targetType: "bulk_job", targetId: id, details: { processed: row.processed, total: row.total } });
    return toBulkJobView(row);
  });
}
