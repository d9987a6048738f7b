import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { systemClock, type Clock } from "../dlq/clock";
import { logger } from "../log";
import type { DeliveryWorker } from "./worker";
import { judgeWorker, type WorkerStatus } from "./worker-health";
import { deleteHeartbeat, forgetOldHeartbeats, HEARTBEAT_MS, writeHeartbeat } from "./worker-heartbeats";

export interface WorkerIdentity {
  /** "standalone" (`npm run worker`) or "in-process" (inside a web instance). */
  kind: string;
  host: string;
  pid: number;
}

export interface SupervisorOptions {
  /** The database the worker runs on, ready to use (migrated). */
  connect(): Promise<Db>;
  /** Lets go of what connect() gave: closes a connection of the worker's own. */
  disconnect(db: Db): Promise<void>;
  createWorker(db: Db): DeliveryWorker;
  identity: WorkerIdentity;
  /** A claim loop quiet this long is stalled; stalled as long again, its connections are rebuilt. */
  stallAfterMs: number;
  /** How long in-flight requests may finish when the worker is stopped or rebuilt. */
  graceMs: number;
  checkEveryMs?: number;
  clock?: Clock;
}

const MAX_BUILD_BACKOFF_MS = 10_000;
// A rebuild stops the old worker; its in-flight requests are released, not recorded, and
// come back when their lease ends, so waiting long for them gains nothing.
const REBUILD_GRACE_MS = 1_000;

/**
 * Keeps one delivery worker alive in this process whatever the database does. It builds
 * the worker on a connection of its own (retrying with backoff while the database is
 * away), watches its claim loop, and when the loop has been stalled for long, stops it
 * and starts a fresh one on fresh connections; leases make any overlap between the two
 * harmless. Every few seconds it writes a heartbeat row with its verdict, which
 * /api/health on any instance reads.
 *
 * It never looks inside the worker's claim, load or record steps: only at the progress
 * the loop reports.
 */
export class WorkerSupervisor {
  readonly id: string;
  readonly identity: WorkerIdentity;
  private readonly clock: Clock;
  private readonly checkEveryMs: number;
  private readonly stopping = new AbortController();
  private readonly supervisingSince: number;
  private db: Db | null = null;
  private worker: DeliveryWorker | null = null;
  private workerStartedAt: number | null = null;
  private buildError: string | null = null;
  private buildFailures = 0;
  private nextBuildAt = 0;
  private lastBeatAt = 0;
  private oldBeatsForgotten = false;
  private loopDone: Promise<void> | undefined;

  constructor(private readonly opts: SupervisorOptions) {
    this.clock = opts.clock ?? systemClock;
    this.checkEveryMs = opts.checkEveryMs ?? 1_000;
    this.supervisingSince = this.clock.now();
    this.identity = opts.identity;
    this.id = `${opts.identity.kind}-${opts.identity.host}-${opts.identity.pid}-${randomUUID().slice(0, 8)}`;
  }

  start(): void {
    this.loopDone ??= this.supervise();
  }

  status(): WorkerStatus {
    return judgeWorker(
      { startedAt: this.workerStartedAt, progress: this.worker?.progress ?? null, buildError: this.buildError, supervisingSince: this.supervisingSince },
      this.clock.now(),
      this.opts.stallAfterMs,
    );
  }

  /** Stops the worker (in-flight requests get `graceMs`), removes its heartbeat and closes its connections. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loopDone;
    const db = this.db;
    await this.stopWorker(this.opts.graceMs);
    if (!db) return;
    await deleteHeartbeat(db, this.id).catch(() => undefined);
    await this.opts.disconnect(db).catch((err: unknown) => logger.warn({ supervisor: this.id, err: String(err) }, "closing the worker's database connections failed"));
  }

  private async supervise(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      await this.check();
      await this.clock.sleep(this.checkEveryMs, this.stopping.signal);
    }
  }

  private async check(): Promise<void> {
    const now = this.clock.now();
    if (!this.worker && now >= this.nextBuildAt) await this.build(now);
    const status = this.status();
    const quietFor = now - (this.worker?.progress.lastLoopAt ?? this.workerStartedAt ?? now);
    if (status.state === "stalled" && quietFor >= 2 * this.opts.stallAfterMs) await this.rebuild(status.reason);
    if (now - this.lastBeatAt >= HEARTBEAT_MS) await this.beat(now, this.status());
  }

  private async build(now: number): Promise<void> {
    try {
      const db = await this.opts.connect();
      if (!this.oldBeatsForgotten) this.oldBeatsForgotten = await forgetOldHeartbeats(db, now).then(() => true, () => false);
      this.db = db;
      this.worker = this.opts.createWorker(db);
      this.worker.start();
      this.workerStartedAt = this.clock.now();
      this.buildError = null;
      this.buildFailures = 0;
    } catch (err) {
      this.buildFailures++;
      this.buildError = err instanceof Error ? err.message : String(err);
      this.nextBuildAt = now + Math.min(MAX_BUILD_BACKOFF_MS, 500 * 2 ** this.buildFailures);
      logger.warn({ supervisor: this.id, err: this.buildError, retryAt: new Date(this.nextBuildAt).toISOString() }, "could not start the delivery worker");
    }
  }

  /**
   * A fresh worker on fresh connections. The old pool is closed in the background: a
   * connection stuck on a silent server gives up by its own deadline, not ours.
   */
  private async rebuild(reason: string | undefined): Promise<void> {
    logger.warn({ supervisor: this.id, reason }, "the delivery worker is stalled; rebuilding it on new database connections");
    const db = this.db;
    await this.stopWorker(REBUILD_GRACE_MS);
    if (db) this.opts.disconnect(db).catch((err: unknown) => logger.warn({ supervisor: this.id, err: String(err) }, "closing the stalled worker's connections failed"));
    await this.build(this.clock.now());
  }

  private async stopWorker(graceMs: number): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.db = null;
    this.workerStartedAt = null;
    await worker?.stop(graceMs).catch((err: unknown) => logger.error({ supervisor: this.id, err }, "the delivery worker did not stop cleanly"));
  }

  private async beat(now: number, status: WorkerStatus): Promise<void> {
    this.lastBeatAt = now;
    if (!this.db) return;
    const { kind, host, pid } = this.opts.identity;
    try {
      await writeHeartbeat(this.db, { id: this.id, kind, host, pid, startedAt: new Date(this.supervisingSince), beatAt: new Date(now), ...status });
    } catch (err) {
      logger.debug({ supervisor: this.id, err: String(err) }, "heartbeat not written");
    }
  }
}
