import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";
import { toBulkJobView, type BulkJobView } from "./bulk-job-view";

export async function getBulkJob(db: Db, id: string): Promise<BulkJobView> {
  const row = await db.prisma.bulkJob.findUnique({ where: { id } });
  if (!row) throw notFound("Job");
  return toBulkJobView(row);
}
