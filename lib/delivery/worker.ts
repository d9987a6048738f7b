import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import { claimDueDeliveries } from "../db/sql";
import { logger } from "../log";
import { metrics } from "../metrics/metrics";
import { classifyAttempt, type AttemptResult, type Outcome } from "../retry/classify";
import type { RandomSource } from "../retry/random";
import { EndpointThrottle } from "./endpoint-throttle";
import { PolicyResolver } from "./policy-resolver";
import { LeaseLostError, recordAttempt } from "./record-attempt";
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
 * Claims due deliveries with a lease, sends them with bounded concurrency, records each
 * attempt and schedules the next one or dead-letters. Several workers (in several
 * processes) can share one database: claims never overlap, and a delivery whose worker
 * died is claimed again once its lease expires.
 */
export class DeliveryWorker {
  readonly id: string;
  private readonly db: Db;
  private readonly opts: Required<Omit<WorkerOptions, "db" | "id">>;
  private readonly sender: WebhookSender;
  private readonly policies: PolicyResolver;
  private readonly throttle = new EndpointThrottle();
  private readonly active = new Set<Promise<void>>();
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
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
    };
    this.sender = new WebhookSender({ allowPrivate: options.allowPrivateDestinations }, { connections: Math.max(8, options.concurrency) });
    this.policies = new PolicyResolver(this.db);
  }

  get inFlight(): number {
    return this.active.size;
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
    await this.sender.close();
    logger.info({ workerId: this.id }, "delivery worker stopped");
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const free = this.opts.concurrency - this.active.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const ids = await this.claim(free);
          this.dbFailures = 0;
          this.lastError = null;
          claimed = ids.length;
          for (const id of ids) this.track(this.process(id));
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

  private async claim(limit: number): Promise<string[]> {
    const now = this.opts.now();
    const leaseMs = (await this.policies.maxTimeoutMs(now)) + this.opts.leaseMarginMs;
    return claimDueDeliveries(this.db, this.id, now, now + leaseMs, limit);
  }

  /** Until the next pending delivery is due, capped by the poll interval. */
  private async idleWait(hasFreeSlots: boolean): Promise<number> {
    if (!hasFreeSlots) return this.opts.pollMs;
    try {
      const next = await this.db.prisma.delivery.findFirst({ where: { status: "pending" }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
      if (!next) return this.opts.pollMs;
      return Math.max(0, Math.min(this.opts.pollMs, next.nextAttemptAt.getTime() - this.opts.now()));
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

  private track(work: Promise<void>): void {
    this.active.add(work);
    void work.finally(() => {
      this.active.delete(work);
      // A slot is free: look for more work now rather than after the poll interval.
      this.wake?.();
    });
  }

  /** Puts a claimed delivery back in the queue without counting an attempt. */
  private async release(id: string, delayMs: number): Promise<void> {
    await this.db.prisma.delivery.updateMany({
      where: { id, status: "in_flight", leaseOwner: this.id },
      data: { status: "pending", leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: new Date(this.opts.now() + delayMs) },
    });
  }

  private async process(id: string): Promise<void> {
    try {
      await this.deliver(id);
    } catch (err) {
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
        await this.recordWorkerError(id, err);
      } catch (recordErr) {
        logger.error({ workerId: this.id, deliveryId: id, err: recordErr }, "could not record the failed attempt; the delivery returns to the queue when its lease expires");
      }
    }
  }

  /**
   * An attempt that threw inside the worker (a secret that cannot sign, a payload that
   * cannot be sent) counts like any failed attempt: retried by the policy, then dead-lettered,
   * and visible on the timeline, instead of being retried unseen every lease period forever.
   */
  private async recordWorkerError(id: string, err: unknown): Promise<void> {
    const claimed = await this.loadClaimed(id);
    if (!claimed) return;
    const { now, policy, attempt, previousDelayMs, base } = claimed;
    const message = `Not sent: ${err instanceof Error ? err.message : String(err)}`;
    const result: AttemptResult = { kind: "error", error: "other", message };
    const outcome = classifyAttempt(result, { policy, attempt, now, random: this.opts.random, previousDelayMs });
    const at = new Date(now);
    await recordAttempt(this.db, {
      ...base,
      attempt,
      startedAt: at,
      finishedAt: at,
      send: { result, durationMs: 0, statusCode: null, responseBody: null, error: message },
      outcome,
    });
  }

  /** The claimed delivery with what an attempt needs, or null when this worker no longer holds it. */
  private async loadClaimed(id: string) {
    const d = await this.db.prisma.delivery.findUnique({
      where: { id },
      include: {
        endpoint: { include: { policy: true } },
        message: true,
        attempts: { orderBy: { number: "desc" }, take: 1, select: { delayMs: true } },
      },
    });
    if (!d || d.status !== "in_flight" || d.leaseOwner !== this.id) return null;
    const now = this.opts.now();
    const policy = this.policies.resolve(d.endpoint.policy, await this.policies.defaultPolicy(now));
    const base = {
      deliveryId: d.id,
      workerId: this.id,
      endpoint: { id: d.endpoint.id, url: d.endpoint.url, failingSince: d.endpoint.failingSince },
      message: { eventType: d.message.eventType, payload: d.message.payload },
      // Set at creation only on deliveries made to reprocess a dead letter (dead deliveries are never claimed).
      reprocessedLetterId: d.deadLetterId,
      autoDisableAfterMs: this.opts.autoDisableAfterMs,
    };
    return { d, now, policy, attempt: d.attemptCount + 1, previousDelayMs: d.attempts[0]?.delayMs ?? undefined, base };
  }

  private async deliver(id: string): Promise<void> {
    const claimed = await this.loadClaimed(id);
    if (!claimed) return;
    const { d, now, policy, attempt, base } = claimed;
    const { endpoint, message } = d;

    if (!endpoint.enabled) {
      const outcome: Outcome = { type: "DEAD", failureReason: "invalid_endpoint", reason: `Not sent: the endpoint is disabled (${endpoint.disabledReason ?? "by an operator"})` };
      const at = new Date(now);
      await recordAttempt(this.db, { ...base, attempt: d.attemptCount, startedAt: at, finishedAt: at, send: null, outcome });
      return;
    }

    const wait = this.throttle.acquire(endpoint, now);
    if (wait > 0) {
      await this.release(d.id, wait);
      return;
    }
    let send: SendResult;
    const startedAt = new Date(now);
    try {
      const timestamp = new Date(now);
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
            "webhook-signature": signatureHeader(endpoint, message.id, timestamp, message.payload),
            "x-hookrelay-delivery-id": d.id,
            "x-hookrelay-attempt": String(attempt),
            "x-hookrelay-event-type": eventTypeHeader(message.eventType),
          },
        },
        this.shutdown.signal,
      );
    } finally {
      this.throttle.release(endpoint.id);
    }
    if (this.shutdown.signal.aborted) {
      await this.release(d.id, 0);
      return;
    }
    const finished = this.opts.now();
    const outcome = classifyAttempt(send.result, { policy, attempt, now: finished, random: this.opts.random, previousDelayMs: claimed.previousDelayMs });
    await recordAttempt(this.db, { ...base, attempt, startedAt, finishedAt: new Date(finished), send, outcome });
    metrics().deliveryAttempt(outcome.type.toLowerCase(), send.durationMs);
  }
}
