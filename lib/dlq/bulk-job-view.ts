import type { BulkJob } from "../db/client";

export const DEFAULT_RATE_PER_SECOND = 10;
export const MAX_RATE_PER_SECOND = 1000;

/**
 * Progress of a job: `processed` letters have been taken (in order), `queued` are still
 * to take. What became of the taken ones is read from the letters themselves: `succeeded`
 * are reprocessed, `inFlight` are still being reprocessed, and `failed` are the rest:
 * pending again (their reprocess failed, or could not start because the endpoint was
 * disabled or deleted meanwhile) or discarded. A letter someone else had already started
 * when its turn came counts by how that ends. The runner refreshes the counts every
 * second or so while it works, and for the last time when the job ends.
 */
export interface BulkJobView {
  id: string;
  kind: string;
  status: string;
  ratePerSecond: number | null;
  /** What selected the letters: `{ ids: <count> }` or `{ filter }` (and enableEndpoint, for a reprocess). */
  selection: Record<string, unknown>;
  total: number;
  processed: number;
  queued: number;
  inFlight: number;
  succeeded: number;
  failed: number;
  /** Why the job failed, or a note on how it ended (letters still in flight when it stopped waiting). */
  error: string | null;
  /** Who started it, as the audit trail names them. */
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

function parseObject(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function toBulkJobView(row: BulkJob): BulkJobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    ratePerSecond: row.ratePerSecond,
    selection: parseObject(row.filter),
    total: row.total,
    processed: row.processed,
    queued: row.total - row.processed,
    inFlight: Math.max(0, row.processed - row.succeeded - row.failed),
    succeeded: row.succeeded,
    failed: row.failed,
    error: row.error,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
