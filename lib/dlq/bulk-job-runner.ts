import type { BulkJob, Db } from "../db/client";
import { logger } from "../log";
import { systemClock, type Clock } from "./clock";
import { defaultInboundReprocessDeps, type InboundReprocessDeps } from "./reprocess-inbound-letter";
import { runBulkJob } from "./run-bulk-job";

export interface BulkJobRunnerOptions {
  getDb(): Promise<Db>;
  /** How often to look for new jobs, and for jobs whose runner went away. */
  pollMs: number;
  inbound?: InboundReprocessDeps;
  clock?: Clock;
  /**
   * A running job whose heartbeat is older than this is taken over (its process died).
   * It must outlast the longest step: one inbound letter's processing budget.
   */
  staleAfterMs?: number;
  /** How often a running job's counters and heartbeat are written. */
  syncMs?: number;
  /** How long a job waits for its started letters to settle after taking the last one. */
  settleTimeoutMs?: number;
}

const CLAIM_BATCH = 10;
const MAX_BACKOFF_MS = 30_000;

/**
 * Runs bulk reprocess jobs in this process. Every web instance may run one: a job is
 * claimed with a compare-and-set, kept alive by a heartbeat, and resumed from its cursor
 * by any runner once the heartbeat stops (a restart, a crash).
 */
export class BulkJobRunner {
  private readonly jobs = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly clock: Clock;
  private readonly inbound: InboundReprocessDeps;
  private readonly staleAfterMs: number;
  private readonly syncMs: number;
  private readonly settleTimeoutMs: number;
  private loopDone: Promise<void> | undefined;

  constructor(private readonly opts: BulkJobRunnerOptions) {
    this.clock = opts.clock ?? systemClock;
    this.inbound = opts.inbound ?? defaultInboundReprocessDeps();
    this.staleAfterMs = opts.staleAfterMs ?? Math.max(30_000, this.inbound.budgetMs + 10_000);
    this.syncMs = opts.syncMs ?? 1_000;
    this.settleTimeoutMs = opts.settleTimeoutMs ?? 15 * 60_000;
  }

  start(): void {
    this.loopDone ??= this.loop();
  }

  /** Stops taking letters; jobs stay running in the database for the next runner to resume. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loopDone;
    await Promise.allSettled(this.jobs.values());
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        const db = await this.opts.getDb();
        for (const job of await this.claim(db)) this.track(db, job);
        failures = 0;
      } catch (err) {
        failures++;
        logger.warn({ err }, "looking for bulk jobs failed");
      }
      const wait = failures ? Math.min(MAX_BACKOFF_MS, this.opts.pollMs * 2 ** failures) : this.opts.pollMs;
      await this.clock.sleep(wait, this.stopping.signal);
    }
  }

  /** Queued jobs, and started ones whose runner stopped beating; each won by a compare-and-set on updatedAt. */
  private async claim(db: Db): Promise<BulkJob[]> {
    const now = this.clock.now();
    const candidates = await db.prisma.bulkJob.findMany({
      where: {
        kind: "reprocess",
        finishedAt: null,
        id: { notIn: [...this.jobs.keys()] },
        OR: [{ status: "queued" }, { status: { in: ["running", "cancelled"] }, updatedAt: { lt: new Date(now - this.staleAfterMs) } }],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: CLAIM_BATCH,
    });
    const claimed: BulkJob[] = [];
    for (const job of candidates) {
      const data = { status: job.status === "queued" ? "running" : job.status, startedAt: job.startedAt ?? new Date(now), updatedAt: new Date(now) };
      const won = await db.prisma.bulkJob.updateMany({ where: { id: job.id, status: job.status, updatedAt: job.updatedAt }, data });
      if (won.count === 1) {
        if (job.status !== "queued") logger.info({ jobId: job.id, processed: job.processed }, "resuming a bulk job whose runner stopped");
        claimed.push({ ...job, ...data });
      }
    }
    return claimed;
  }

  private track(db: Db, job: BulkJob): void {
    const ctx = { db, clock: this.clock, signal: this.stopping.signal, inbound: this.inbound, syncMs: this.syncMs, settleTimeoutMs: this.settleTimeoutMs };
    const work = runBulkJob(ctx, job)
      .catch((err: unknown) => logger.error({ jobId: job.id, err }, "bulk job runner failed; the job resumes when its heartbeat goes stale"))
      .finally(() => this.jobs.delete(job.id));
    this.jobs.set(job.id, work);
  }
}

/** The process's runner, started next to the delivery worker. */
export function startBulkJobRunner(getDb: () => Promise<Db>, options: { pollMs: number }): BulkJobRunner {
  const runner = new BulkJobRunner({ getDb, pollMs: options.pollMs });
  runner.start();
  return runner;
}
