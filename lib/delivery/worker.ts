import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import { hotPathFor, type ClaimedDelivery, type HotPathSql } from "../db/hot-path";
import { newId } from "../db/ids";
import { logger } from "../log";
import { metrics } from "../metrics/metrics";
import { classifyAttempt, type AttemptResult } from "../retry/classify";
import type { RandomSource } from "../retry/random";
import { EndpointThrottle } from "./endpoint-throttle";
import { PolicyResolver } from "./policy-resolver";
import { AttemptRecorder, LeaseLostError, MAX_BATCH } from "./attempt-recorder";
import { attemptWrite, type FinishedAttempt } from "./attempt-write";
import { WebhookSender, type SendResult } from "./send";
import { parseSourceHeaders } from "../inbound/forwarded-headers";
import { eventTypeHeader } from "./event-type-header";
import { signatureHeader } from "./sign";
import { onNewDeliveries } from "./wakeup";

export interface WorkerOptions {
  db: Db;
  id?: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** Longest wait between looks for due work when nothing wakes the worker. */
  pollMs: number;
  allowPrivateDestinations: boolean;
  autoDisableAfterMs: number;
  /** Added to the longest request timeout to make the lease: a lease must outlive its request. */
  leaseMarginMs?: number;
  /**
   * Answered attempts that may wait for their record's commit while the worker goes on
   * claiming. By default, on PostgreSQL, as many as one record batch holds; on SQLite none:
   * its commit is a short call in this process, so there is nothing to overlap, and
   * slots freed one by one would only split the claims into smaller ones.
   */
  recordBacklog?: number;
  now?: () => number;
  random?: RandomSource;
}

/** When the claim loop last went round, and why it failed since, if it did. */
export interface LoopProgress {
  /** Epoch ms of the last pass that claimed without error (or found every slot busy); null before the first. */
  lastLoopAt: number | null;
  consecutiveFailures: number;
  lastError: string | null;
}

const DEFAULT_LEASE_MARGIN_MS = 15_000;
const MAX_DB_BACKOFF_MS = 10_000;
/**
 * A finished request wakes the claim loop only once this share of the slots is free: one
 * claim statement then fills many slots instead of one claim per finished request.
 */
const REFILL_SHARE = 0.25;

/**
 * Claims due deliveries with a lease, sends them with bounded concurrency, records each
 * attempt and schedules the next one or dead-letters. Several workers (in several
 * processes) can share one database: claims never overlap, and a delivery whose worker
 * died is claimed again once its lease expires.
 */
export class DeliveryWorker {
  readonly id: string;
  private readonly db: Db;
  private readonly sql: HotPathSql;
  private readonly recorder: AttemptRecorder;
  private readonly opts: Required<Omit<WorkerOptions, "db" | "id">>;
  private readonly sender: WebhookSender;
  private readonly policies: PolicyResolver;
  private readonly throttle = new EndpointThrottle();
  /** Deliveries being attempted: claimed and not yet answered. */
  private readonly active = new Set<Promise<void>>();
  /** Attempts answered whose record has not committed yet. */
  private readonly recording = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();
  private running = false;
  private loopDone: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private dbFailures = 0;
  private lastLoopAt: number | null = null;
  private lastError: string | null = null;

  constructor(options: WorkerOptions) {
    this.db = options.db;
    this.id = options.id ?? `worker-${randomUUID().slice(0, 8)}`;
    this.opts = {
      concurrency: options.concurrency,
      pollMs: options.pollMs,
      allowPrivateDestinations: options.allowPrivateDestinations,
      autoDisableAfterMs: options.autoDisableAfterMs,
      leaseMarginMs: options.leaseMarginMs ?? DEFAULT_LEASE_MARGIN_MS,
      recordBacklog: options.recordBacklog ?? (options.db.provider === "postgresql" ? MAX_BATCH : 0),
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
    };
    this.sender = new WebhookSender({ allowPrivate: options.allowPrivateDestinations }, { connections: Math.max(8, options.concurrency), signal: this.shutdown.signal });
    this.policies = new PolicyResolver(this.db);
    this.sql = hotPathFor(this.db);
    this.recorder = new AttemptRecorder(this.sql);
  }

  get inFlight(): number {
    return this.active.size + this.recording.size;
  }

  /** How the claim loop is doing, for the supervisor (worker-supervisor.ts) and /api/health. */
  get progress(): LoopProgress {
    return { lastLoopAt: this.lastLoopAt, consecutiveFailures: this.dbFailures, lastError: this.lastError };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = onNewDeliveries(() => this.wake?.());
    this.loopDone = this.loop();
    logger.info({ workerId: this.id, concurrency: this.opts.concurrency }, "delivery worker started");
  }

  /**
   * Stops claiming, lets in-flight requests finish within the grace period, then aborts
   * the rest and hands their deliveries back to the queue unrecorded.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loopDone;
    const settled = Promise.allSettled([...this.active]);
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<"grace">((resolve) => {
      timer = setTimeout(() => resolve("grace"), graceMs);
    });
    if ((await Promise.race([settled, graceOver])) === "grace") {
      this.shutdown.abort();
      await settled;
    }
    clearTimeout(timer);
    await Promise.allSettled([...this.recording]);
    await this.recorder.drain();
    await this.sender.close();
    logger.info({ workerId: this.id }, "delivery worker stopped");
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const free = this.freeSlots();
      let claimed = 0;
      if (free > 0) {
        try {
          const due = await this.claim(free);
          this.dbFailures = 0;
          this.lastError = null;
          claimed = due.length;
          for (const d of due) this.track(this.process(d));
        } catch (err) {
          this.dbFailures++;
          this.lastError = err instanceof Error ? err.message : String(err);
          const backoff = Math.min(MAX_DB_BACKOFF_MS, 250 * 2 ** this.dbFailures);
          logger.warn({ workerId: this.id, err: isDatabaseUnavailable(err) ? String(err) : err, retryInMs: backoff }, "claiming deliveries failed");
          await this.sleep(backoff);
          continue;
        }
      }
      this.lastLoopAt = this.opts.now();
      if (free > 0 && claimed === free) continue;
      await this.sleep(await this.idleWait(free > claimed));
    }
  }

  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = this.opts.now();
    const leaseMs = (await this.policies.maxTimeoutMs(now)) + this.opts.leaseMarginMs;
    return this.sql.claim({ owner: this.id, now, leaseUntil: now + leaseMs, limit });
  }

  /** Until the next pending delivery is due, capped by the poll interval. */
  private async idleWait(hasFreeSlots: boolean): Promise<number> {
    if (!hasFreeSlots) return this.opts.pollMs;
    try {
      const next = await this.sql.nextDueAt();
      if (next === null) return this.opts.pollMs;
      return Math.max(0, Math.min(this.opts.pollMs, next - this.opts.now()));
    } catch {
      return this.opts.pollMs;
    }
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * Up to `concurrency` attempts at once, and up to `recordBacklog` answered attempts
   * waiting for their record's commit: the claims go on beside the commits instead of
   * waiting for them (a PostgreSQL commit takes as long as dozens of requests to a fast
   * receiver), and a database that stops committing stops the claiming.
   */
  private freeSlots(): number {
    return this.opts.concurrency - this.active.size - Math.max(0, this.recording.size - this.opts.recordBacklog);
  }

  private track(work: Promise<void>, set = this.active): void {
    set.add(work);
    void work.finally(() => {
      set.delete(work);
      // Enough slots are free: look for more work now rather than after the poll interval.
      if (this.freeSlots() >= Math.max(1, this.opts.concurrency * REFILL_SHARE)) this.wake?.();
    });
  }

  /** Puts a claimed delivery back in the queue without counting an attempt. */
  private async release(id: string, delayMs: number): Promise<void> {
    const now = this.opts.now();
    await this.sql.release(id, this.id, now + delayMs, now);
  }

  private async process(d: ClaimedDelivery): Promise<void> {
    try {
      await this.deliver(d);
    } catch (err) {
      await this.failed(d, err);
    }
  }

  /** `sent`: the request went out, and what failed was recording its result. */
  private async failed(d: ClaimedDelivery, err: unknown, sent = false): Promise<void> {
    const id = d.id;
    if (err instanceof LeaseLostError) {
      logger.warn({ workerId: this.id, deliveryId: id }, err.message);
      return;
    }
    if (isDatabaseUnavailable(err)) {
      logger.warn({ workerId: this.id, deliveryId: id, err: String(err) }, "database unavailable mid-attempt; the delivery returns to the queue when its lease expires");
      return;
    }
    logger.error({ workerId: this.id, deliveryId: id, err }, "delivery attempt failed inside the worker; recording it as a failed attempt");
    try {
      await this.recordWorkerError(d, err, sent);
    } catch (recordErr) {
      logger.error({ workerId: this.id, deliveryId: id, err: recordErr }, "could not record the failed attempt; the delivery returns to the queue when its lease expires");
    }
  }

  /**
   * An attempt that threw inside the worker (a secret that cannot sign, a payload that
   * cannot be sent) counts like any failed attempt: retried by the policy, then dead-lettered,
   * and visible on the timeline, instead of being retried unseen every lease period forever.
   */
  private async recordWorkerError(d: ClaimedDelivery, err: unknown, sent: boolean): Promise<void> {
    const now = this.opts.now();
    const policy = await this.policyFor(d, now);
    const attempt = d.attemptCount + 1;
    const message = `${sent ? "Sent, but its result could not be recorded" : "Not sent"}: ${err instanceof Error ? err.message : String(err)}`;
    const result: AttemptResult = { kind: "error", error: "other", message };
    const outcome = classifyAttempt(result, { policy, attempt, now, random: this.opts.random, previousDelayMs: d.previousDelayMs ?? undefined });
    await this.record(d, { attempt, startedAt: now, finishedAt: now, send: { result, durationMs: 0, statusCode: null, responseBody: null, error: message, requestHeaders: null, responseHeaders: null }, outcome, policy });
  }

  private async policyFor(d: ClaimedDelivery, now: number) {
    return this.policies.resolve(d.policy, await this.policies.defaultPolicy(now));
  }

  private async record(d: ClaimedDelivery, finished: Pick<FinishedAttempt, "attempt" | "startedAt" | "finishedAt" | "send" | "outcome" | "policy">): Promise<void> {
    const write = attemptWrite(
      {
        ...finished,
        deliveryId: d.id,
        workerId: this.id,
        endpoint: { id: d.endpoint.id, url: d.endpoint.url, failingSince: d.endpoint.failingSince },
        message: { eventType: d.message.eventType, payload: d.message.payload },
        reprocessedLetterId: d.deadLetterId,
        autoDisableAfterMs: this.opts.autoDisableAfterMs,
      },
      () => newId(finished.finishedAt),
    );
    await this.recorder.record(write);
  }

  private async deliver(d: ClaimedDelivery): Promise<void> {
    const now = this.opts.now();
    const policy = await this.policyFor(d, now);
    const attempt = d.attemptCount + 1;
    const { endpoint, message } = d;

    if (!endpoint.enabled) {
      // Disabled after this delivery was made: it waits with the endpoint's other held
      // deliveries until an operator sends or discards them.
      await this.sql.hold(d.id, this.id, now);
      return;
    }

    const wait = this.throttle.acquire(endpoint, now);
    if (wait > 0) {
      await this.release(d.id, wait);
      return;
    }
    let send: SendResult;
    try {
      const timestamp = new Date(now);
      const secrets = { ...endpoint, previousSecretExpiresAt: endpoint.previousSecretExpiresAt === null ? null : new Date(endpoint.previousSecretExpiresAt) };
      send = await this.sender.send(
        {
          url: endpoint.url,
          body: message.payload,
          timeoutMs: policy.timeoutMs,
          headers: {
            // First, so none of them can stand in for Hookrelay's own headers below.
            ...parseSourceHeaders(message.sourceHeaders),
            // The message id: the same on every retry and resend, so receivers can deduplicate.
            "webhook-id": message.id,
            "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
            "webhook-signature": signatureHeader(secrets, message.id, timestamp, message.payload),
            "x-hookrelay-delivery-id": d.id,
            "x-hookrelay-attempt": String(attempt),
            "x-hookrelay-event-type": eventTypeHeader(message.eventType),
          },
        },
      );
    } finally {
      this.throttle.release(endpoint.id);
    }
    if (this.shutdown.signal.aborted) {
      await this.release(d.id, 0);
      return;
    }
    const finished = this.opts.now();
    const outcome = classifyAttempt(send.result, { policy, attempt, now: finished, random: this.opts.random, previousDelayMs: d.previousDelayMs ?? undefined });
    metrics().deliveryAttempt(outcome.type.toLowerCase(), send.durationMs);
    // The slot frees now; the record commits with the next batch (freeSlots).
    this.track(this.record(d, { attempt, startedAt: now, finishedAt: finished, send, outcome, policy }).catch((err) => this.failed(d, err, true)), this.recording);
  }
}
