import { recordAudit } from "../auth/audit";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { DEFAULT_RATE_PER_SECOND, MAX_RATE_PER_SECOND, toBulkJobView, type BulkJobView } from "./bulk-job-view";
import { endpointStateSelect, requireEnabledEndpoints, type EndpointState } from "./endpoint-gate";
import { bulkSelectionShape, describeSelection, exactlyOneSelection, MAX_BULK_LETTERS, selectionWhere, type BulkSelection } from "./select-dead-letters";

const MIN_RATE_PER_SECOND = 0.1;
const RATE_MESSAGE = `ratePerSecond must be a number from ${MIN_RATE_PER_SECOND} to ${MAX_RATE_PER_SECOND} (letters per second)`;

export const reprocessJobRequestSchema = z
  .object({
    ...bulkSelectionShape,
    ratePerSecond: z.number({ error: RATE_MESSAGE }).min(MIN_RATE_PER_SECOND, RATE_MESSAGE).max(MAX_RATE_PER_SECOND, RATE_MESSAGE).default(DEFAULT_RATE_PER_SECOND),
    dryRun: z.boolean({ error: "dryRun must be true or false" }).default(false),
    enableEndpoint: z.boolean({ error: "enableEndpoint must be true or false" }).default(false),
  })
  .strict()
  .refine(...exactlyOneSelection);

export type ReprocessJobRequest = z.output<typeof reprocessJobRequestSchema>;

export interface DryRun {
  dryRun: true;
  /** Pending letters the request selects now. */
  matched: number;
  /** Disabled endpoints among theirs: a real run needs enableEndpoint, or them enabled first. */
  disabledEndpoints: { id: string; url: string; disabledReason: string | null }[];
}

export interface CreatedJob {
  dryRun: false;
  job: BulkJobView;
  /** Ids that were sent but name no pending letter (unknown, or not pending any more). */
  ignored: number;
}

function disabledEndpoints(tx: Tx, ids: string[]): Promise<EndpointState[]> {
  return tx.endpoint.findMany({ where: { id: { in: ids }, enabled: false }, select: endpointStateSelect, orderBy: { id: "asc" } });
}

async function disabledEndpointsOf(tx: Tx, selection: BulkSelection): Promise<DryRun["disabledEndpoints"]> {
  const letters = await tx.deadLetter.findMany({ where: { AND: [selectionWhere(selection), { endpointId: { not: null } }] }, distinct: ["endpointId"], select: { endpointId: true } });
  const disabled = await disabledEndpoints(tx, letters.flatMap((l) => (l.endpointId ? [l.endpointId] : [])));
  return disabled.map(({ id, url, disabledReason }) => ({ id, url, disabledReason }));
}

/**
 * Starts a bulk reprocess: snapshots the ids of the selected pending letters (oldest
 * failure first) into a queued job that the runner works through at the job's rate.
 * Answers at once; a dry run only counts. The audit row, by `createdBy`, commits with the job.
 */
export async function createReprocessJob(db: Db, request: ReprocessJobRequest, createdBy: string): Promise<DryRun | CreatedJob> {
  if (request.dryRun) {
    return db.prisma.$transaction(async (tx) => ({
      dryRun: true as const,
      matched: await tx.deadLetter.count({ where: selectionWhere(request) }),
      disabledEndpoints: await disabledEndpointsOf(tx, request),
    }));
  }
  return db.prisma.$transaction(async (tx) => {
    const letters = await tx.deadLetter.findMany({
      where: selectionWhere(request),
      orderBy: [{ failedAt: "asc" }, { id: "asc" }],
      take: MAX_BULK_LETTERS + 1,
      select: { id: true, endpointId: true },
    });
    if (letters.length === 0) throw new AppError("unprocessable", "No pending dead letters match; there is nothing to reprocess");
    if (letters.length > MAX_BULK_LETTERS) {
      throw new AppError("unprocessable", `More than ${MAX_BULK_LETTERS} pending letters match; narrow the filter (by endpoint, reason or time) and run several jobs`);
    }
    const endpointIds = [...new Set(letters.flatMap((l) => (l.endpointId ? [l.endpointId] : [])))];
    await requireEnabledEndpoints(tx, await disabledEndpoints(tx, endpointIds), request.enableEndpoint);
    const job = await tx.bulkJob.create({
      data: {
        kind: "reprocess",
        status: "queued",
        filter: JSON.stringify({ ...describeSelection(request), enableEndpoint: request.enableEndpoint }),
        itemIds: JSON.stringify(letters.map((l) => l.id)),
        ratePerSecond: request.ratePerSecond,
        total: letters.length,
        createdBy,
      },
    });
    const view = toBulkJobView(job);
    await recordAudit(tx, { actor: createdBy, action: "dead_letter.bulk_reprocess", targetType: "bulk_job", targetId: job.id, details: { ...view.selection, total: job.total, ratePerSecond: job.ratePerSecond } });
    return { dryRun: false as const, job: view, ignored: request.ids ? new Set(request.ids).size - letters.length : 0 };
  });
}
