import { recordAudit } from "../auth/audit";
import { z } from "zod";
import type { Db } from "../db/client";
import { toBulkJobView, type BulkJobView } from "./bulk-job-view";
import { bulkSelectionShape, describeSelection, exactlyOneSelection, selectionWhere } from "./select-dead-letters";

export const discardRequestSchema = z
  .object({
    ...bulkSelectionShape,
    dryRun: z.boolean({ error: "dryRun must be true or false" }).default(false),
  })
  .strict()
  .refine(...exactlyOneSelection);

export type DiscardRequest = z.output<typeof discardRequestSchema>;

export type DiscardResult =
  | { dryRun: true; matched: number }
  | {
      dryRun: false;
      discarded: number;
      /** Ids that were sent but name no pending letter. */
      ignored: number;
      /** The completed job that records the discard: what was selected, how many, when. */
      job: BulkJobView;
    };

/** Discards every selected pending letter in one statement, and records it as a completed job; the audit row, by `createdBy`, commits with it. */
export async function discardDeadLetters(db: Db, request: DiscardRequest, createdBy: string): Promise<DiscardResult> {
  const where = selectionWhere(request);
  if (request.dryRun) return { dryRun: true, matched: await db.prisma.deadLetter.count({ where }) };
  return db.prisma.$transaction(async (tx) => {
    const { count } = await tx.deadLetter.updateMany({ where, data: { status: "discarded" } });
    const now = new Date();
    const job = await tx.bulkJob.create({
      data: {
        kind: "discard",
        status: "completed",
        filter: JSON.stringify(describeSelection(request)),
        total: count,
        processed: count,
        succeeded: count,
        createdBy,
        startedAt: now,
        finishedAt: now,
      },
    });
    const view = toBulkJobView(job);
    await recordAudit(tx, { actor: createdBy, action: "dead_letter.bulk_discard", targetType: "bulk_job", targetId: job.id, details: { ...view.selection, discarded: count } });
    return { dryRun: false, discarded: count, ignored: request.ids ? new Set(request.ids).size - count : 0, job: view };
  });
}
