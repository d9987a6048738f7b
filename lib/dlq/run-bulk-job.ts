import { z } from "zod";
import type { BulkJob, Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { logger } from "../log";
import { finishJob, syncProgress, TakenLetters, type TakenProgress } from "./bulk-job-progress";
import { DEFAULT_RATE_PER_SECOND } from "./bulk-job-view";
import type { Clock } from "./clock";
import { reprocessDeadLetter } from "./reprocess-dead-letter";
import type { InboundReprocessDeps } from "./reprocess-inbound-letter";

export interface JobContext {
  db: Db;
  clock: Clock;
  /** Aborted when the runner stops: the job is left as it is, for a runner to resume. */
  signal: AbortSignal;
  inbound: InboundReprocessDeps;
  /** How often counters and the heartbeat are written. */
  syncMs: number;
  /** After the last letter is taken, how long to wait for the started ones to settle. */
  settleTimeoutMs: number;
}

const MAX_BACKOFF_MS = 10_000;
const itemIdsSchema = z.array(z.string());

/** The job's cursor was not where this runner left it: the job was cancelled, or another runner has it. */
class CursorMoved extends Error {
  constructor() {
    super("the bulk job's cursor moved or the job stopped running");
    this.name = "CursorMoved";
  }
}

type Step = "more" | "done";

/**
 * Works through one reprocess job: takes its letters in order, at most ratePerSecond of
 * them, each through the one-letter reprocess, then waits for the started letters to
 * settle and completes the job. The cursor (`processed`) advances in the transaction that
 * starts a letter, fenced on its old value and on the job running, so a letter is taken
 * once even across restarts or two runners, and nothing is taken after a cancel.
 */
class BulkJobExecution {
  private cursor: number;
  private taking: boolean;
  private nextAt: number;
  private lastSyncAt = Number.NEGATIVE_INFINITY;
  private settleFrom: number | undefined;
  /** Re-read the job before the next step: after an error (did the last take commit?) or a refused cursor. */
  private reload: "none" | "after_error" | "after_conflict" = "none";
  private readonly intervalMs: number;
  private readonly taken = new TakenLetters();

  constructor(
    private readonly ctx: JobContext,
    private readonly jobId: string,
    private readonly ids: string[],
    job: BulkJob,
  ) {
    this.cursor = job.processed;
    this.taking = job.status === "running";
    this.nextAt = ctx.clock.now();
    this.intervalMs = 1000 / (job.ratePerSecond ?? DEFAULT_RATE_PER_SECOND);
  }

  async run(): Promise<void> {
    let failures = 0;
    while (!this.ctx.signal.aborted) {
      try {
        if ((await this.step()) === "done") return;
        failures = 0;
      } catch (err) {
        failures++;
        this.reload = "after_error";
        logger.warn({ jobId: this.jobId, err }, "bulk job step failed; trying again");
        await this.ctx.clock.sleep(Math.min(MAX_BACKOFF_MS, 250 * 2 ** failures), this.ctx.signal);
      }
    }
  }

  private async step(): Promise<Step> {
    if (this.reload !== "none" && !(await this.reloadJob())) return "done";
    const now = this.ctx.clock.now();
    if (!this.taking || this.cursor >= this.ids.length) return this.settle(now);
    if (now - this.lastSyncAt >= this.ctx.syncMs && !(await this.sync(now))) return "done";
    if (now < this.nextAt) {
      await this.ctx.clock.sleep(Math.min(this.nextAt - now, this.ctx.syncMs), this.ctx.signal);
      return "more";
    }
    if (await this.take(this.ids[this.cursor], now)) {
      this.cursor++;
      // From the planned time, not the actual one, so the pace holds; but a slow stretch is not made up in a burst.
      this.nextAt = Math.max(this.nextAt, now) + this.intervalMs;
    } else {
      this.reload = "after_conflict";
    }
    return "more";
  }

  private async settle(now: number): Promise<Step> {
    const progress = await this.sync(now);
    if (!progress) return "done";
    this.settleFrom ??= now;
    if (progress.inFlight === 0) {
      await finishJob(this.ctx.db, this.jobId, null, new Date(now));
      return "done";
    }
    if (now - this.settleFrom >= this.ctx.settleTimeoutMs) {
      const note = `${progress.inFlight} letters were still being reprocessed when the job stopped waiting for them (after ${Math.round(this.ctx.settleTimeoutMs / 1000)} s); they settle on their own, see each letter`;
      await finishJob(this.ctx.db, this.jobId, note, new Date(now));
      return "done";
    }
    await this.ctx.clock.sleep(this.ctx.syncMs, this.ctx.signal);
    return "more";
  }

  private async sync(now: number): Promise<TakenProgress | null> {
    const progress = await this.taken.progress(this.ctx.db, this.ids.slice(0, this.cursor));
    if (!(await syncProgress(this.ctx.db, this.jobId, progress, new Date(now)))) return null;
    this.lastSyncAt = now;
    return progress;
  }

  private async reloadJob(): Promise<boolean> {
    const why = this.reload;
    this.reload = "none";
    const job = await this.ctx.db.prisma.bulkJob.findUnique({ where: { id: this.jobId }, select: { status: true, processed: true, finishedAt: true } });
    if (!job || job.finishedAt || (job.status !== "running" && job.status !== "cancelled")) return false;
    // Refused while the job still runs: another runner has taken it over and goes on alone.
    if (why === "after_conflict" && job.status === "running") return false;
    this.cursor = job.processed;
    this.taking = job.status === "running";
    return true;
  }

  /** True when the cursor moved past the letter (started, or counted as not startable). */
  private async take(letterId: string, now: number): Promise<boolean> {
    const cursor = this.cursor;
    const advance = async (client: Pick<Tx, "bulkJob">) => {
      const moved = await client.bulkJob.updateMany({
        where: { id: this.jobId, status: "running", processed: cursor },
        data: { processed: cursor + 1, updatedAt: new Date(now) },
      });
      if (moved.count !== 1) throw new CursorMoved();
    };
    try {
      await reprocessDeadLetter(this.ctx.db, letterId, { enableEndpoint: false, inbound: this.ctx.inbound, commitWith: advance });
      return true;
    } catch (err) {
      if (err instanceof CursorMoved) return false;
      // A 4xx means this letter cannot start (no longer pending, endpoint disabled or deleted);
      // anything else (the database) is retried at the same cursor.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      logger.info({ jobId: this.jobId, deadLetterId: letterId, reason: err.message }, "bulk reprocess could not start a letter; it counts as failed");
    }
    try {
      await advance(this.ctx.db.prisma);
      return true;
    } catch (err) {
      if (err instanceof CursorMoved) return false;
      throw err;
    }
  }
}

/** Runs a claimed job until it ends or the runner stops; a job whose letter list is unreadable fails. */
export async function runBulkJob(ctx: JobContext, job: BulkJob): Promise<void> {
  let ids: string[];
  try {
    ids = itemIdsSchema.parse(JSON.parse(job.itemIds));
  } catch (err) {
    const now = new Date(ctx.clock.now());
    await ctx.db.prisma.bulkJob.updateMany({ where: { id: job.id, finishedAt: null }, data: { status: "failed", error: `The job's letter list is unreadable: ${String(err)}`, finishedAt: now, updatedAt: now } });
    return;
  }
  await new BulkJobExecution(ctx, job.id, ids, job).run();
}
