import type { Db } from "../db/client";

/** Ids per query: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

export interface TakenProgress {
  succeeded: number;
  failed: number;
  inFlight: number;
}

/**
 * What became of the letters a job took, read from the letters themselves: reprocessed
 * ones succeeded, reprocessing ones are in flight, and the rest (pending again, or
 * discarded) failed. Reading state rather than counting events keeps the numbers right
 * across restarts and when two runners overlap. Reprocessed is final, so a letter once
 * seen reprocessed is not read again: a large job rereads only its open letters.
 */
export class TakenLetters {
  private readonly reprocessed = new Set<string>();

  async progress(db: Db, takenIds: string[]): Promise<TakenProgress> {
    const open = takenIds.filter((id) => !this.reprocessed.has(id));
    let inFlight = 0;
    for (let i = 0; i < open.length; i += CHUNK) {
      const rows = await db.prisma.deadLetter.findMany({
        where: { id: { in: open.slice(i, i + CHUNK) }, status: { in: ["reprocessed", "reprocessing"] } },
        select: { id: true, status: true },
      });
      for (const r of rows) {
        if (r.status === "reprocessed") this.reprocessed.add(r.id);
        else inFlight++;
      }
    }
    const succeeded = this.reprocessed.size;
    return { succeeded, inFlight, failed: takenIds.length - succeeded - inFlight };
  }
}

/**
 * Writes the counters and the heartbeat (updatedAt) that tells other runners the job is
 * alive. False when the job has been finished meanwhile (by another runner).
 */
export async function syncProgress(db: Db, jobId: string, progress: TakenProgress, now: Date): Promise<boolean> {
  const { count } = await db.prisma.bulkJob.updateMany({
    where: { id: jobId, finishedAt: null, status: { in: ["running", "cancelled"] } },
    data: { succeeded: progress.succeeded, failed: progress.failed, updatedAt: now },
  });
  return count === 1;
}

/** Ends a job: a running one completes; a cancelled one keeps its status and gets its end time. */
export async function finishJob(db: Db, jobId: string, note: string | null, now: Date): Promise<void> {
  await db.prisma.bulkJob.updateMany({ where: { id: jobId, status: "running", finishedAt: null }, data: { status: "completed", error: note, finishedAt: now, updatedAt: now } });
  await db.prisma.bulkJob.updateMany({ where: { id: jobId, status: "cancelled", finishedAt: null }, data: { error: note, finishedAt: now, updatedAt: now } });
}
