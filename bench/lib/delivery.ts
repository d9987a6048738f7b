import { randomUUID } from "node:crypto";
import { Agent, request } from "undici";
import type { Db } from "../../lib/db/client";
import { ownCpuMs, treeCpuMs } from "./cpu";
import { startWorkerProcess, type Child } from "./processes";
import { percentile, sleep } from "./stats";

export const ENDPOINT_SECRET = `whsec_${Buffer.from("hookrelay-bench-secret-0123456789").toString("base64")}`;
const PAYLOAD = JSON.stringify({ id: "evt_bench", type: "invoice.paid", data: { object: { id: "in_bench", amount_due: 4200, currency: "eur" } } });
const CHUNK = 500;

export interface WorkerSettings {
  /** The product's defaults (HOOKRELAY_WORKER_CONCURRENCY, HOOKRELAY_WORKER_POLL_MS). */
  concurrency: number;
  pollMs: number;
}

export interface ThroughputFigures {
  deliveries: number;
  workers: number;
  workerPerSecond: number;
  /** CPU (user + system) the worker processes spent per delivery, in µs. */
  workerCpuUsPerDelivery: number;
  baselinePerSecond: number;
  baselineRequests: number;
  /** CPU the plain loop spent per request (this process), in µs. */
  baselineCpuUsPerRequest: number;
}

export interface LatenessFigures {
  /** Deliveries in the table while the measured ones came due. */
  queued: number;
  measured: number;
  ratePerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  baselineP50Ms: number;
  baselineP99Ms: number;
}

async function createEndpoint(db: Db, url: string): Promise<string> {
  const e = await db.prisma.endpoint.create({ data: { url, secret: ENDPOINT_SECRET, description: "bench receiver" } });
  return e.id;
}

/** Messages with one delivery each, written in bulk; `at(i)` is when delivery i is due. */
async function seed(db: Db, endpointId: string, count: number, at: (i: number) => Date, attemptCount = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const messages = Array.from({ length: n }, () => ({ id: `bm_${randomUUID()}`, eventType: "invoice.paid", payload: PAYLOAD }));
    await db.prisma.message.createMany({ data: messages });
    const deliveries = messages.map((m, k) => ({
      id: `bd_${randomUUID()}`,
      messageId: m.id,
      endpointId,
      nextAttemptAt: at(start + k),
      attemptCount,
      ...(attemptCount > 0 ? { lastStatusCode: 500, lastError: "HTTP 500" } : {}),
    }));
    await db.prisma.delivery.createMany({ data: deliveries });
    ids.push(...deliveries.map((d) => d.id));
  }
  return ids;
}

/**
 * Removes the bench's deliveries and endpoints. Its messages stay: deleting messages beside
 * tens of thousands of inbound events is slow (InboundEvent.messageId has no index, so
 * each deleted message scans them) and would only measure that.
 */
async function clear(db: Db): Promise<void> {
  await db.prisma.deliveryAttempt.deleteMany();
  await db.prisma.delivery.deleteMany();
  await db.prisma.endpoint.deleteMany();
}

interface ReceiverStats {
  received: number;
  /** Epoch ms of the first request since the last reset. */
  firstAt: number | null;
}

async function receiverStats(receiverUrl: string): Promise<ReceiverStats> {
  const res = await fetch(`${receiverUrl}/stats`);
  return (await res.json()) as ReceiverStats;
}

async function resetReceiver(receiverUrl: string): Promise<void> {
  await fetch(`${receiverUrl}/reset`, { method: "POST" });
}

/**
 * The same kind of request the worker sends (same body and header set, a fixed signature),
 * from `concurrency` loops over one undici Agent: the most a sender in this process could do.
 */
async function plainLoop(receiverUrl: string, concurrency: number, minRequests: number, minMs: number): Promise<{ perSecond: number; requests: number }> {
  const agent = new Agent({ connections: Math.max(8, concurrency), keepAliveTimeout: 10_000 });
  const url = `${receiverUrl}/hook`;
  let sent = 0;
  const started = performance.now();
  const loop = async () => {
    while (sent < minRequests || performance.now() - started < minMs) {
      sent++;
      const res = await request(url, {
        method: "POST",
        body: PAYLOAD,
        dispatcher: agent,
        headers: {
          "content-type": "application/json",
          "user-agent": "Hookrelay/0.1 (+webhooks)",
          "webhook-id": "msg_bench",
          "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
          "webhook-signature": "v1,bench",
          "x-hookrelay-delivery-id": "bd_bench",
          "x-hookrelay-attempt": "1",
          "x-hookrelay-event-type": "invoice.paid",
        },
      });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`receiver answered ${res.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = performance.now() - started;
  await agent.close();
  return { perSecond: (sent / elapsed) * 1000, requests: sent };
}

export interface ThroughputOptions {
  databaseUrl: string;
  receiverUrl: string;
  count: number;
  /** Standalone worker processes sharing the queue. */
  workers: number;
  settings: WorkerSettings;
}

/**
 * Deliveries per second from `workers` standalone worker processes to a fast receiver,
 * beside the plain undici loop, each with the CPU it spent per request. The queue is
 * written before the workers start and comes due a moment after they are ready, so
 * start-up is not in the figure.
 */
export async function measureThroughput(db: Db, o: ThroughputOptions): Promise<ThroughputFigures> {
  await clear(db);
  const cpuBefore = ownCpuMs();
  const baseline = await plainLoop(o.receiverUrl, o.settings.concurrency, o.count, 3_000);
  const baselineCpuMs = ownCpuMs() - cpuBefore;

  const endpointId = await createEndpoint(db, `${o.receiverUrl}/hook`);
  const dueAt = new Date(Date.now() + 3_600_000);
  await seed(db, endpointId, o.count, () => dueAt);
  const env = { HOOKRELAY_WORKER_CONCURRENCY: String(o.settings.concurrency), HOOKRELAY_WORKER_POLL_MS: String(o.settings.pollMs), HOOKRELAY_AUTO_DISABLE_AFTER_MS: "0" };
  const workers: Child[] = [];
  try {
    for (let i = 0; i < o.workers; i++) workers.push(await startWorkerProcess(o.databaseUrl, env));
    const pids = workers.map((w) => w.pid);
    const cpuAtStart = pids.reduce((sum, pid) => sum + treeCpuMs(pid), 0);
    await resetReceiver(o.receiverUrl);
    // Everything comes due now; the clock starts at the first arrival, since the workers
    // notice new work in another process only at their next poll.
    await db.prisma.delivery.updateMany({ where: { endpointId }, data: { nextAttemptAt: new Date() } });
    const deadline = Date.now() + 300_000;
    let stats = await receiverStats(o.receiverUrl);
    while (stats.received < o.count) {
      if (Date.now() > deadline) throw new Error("deliveries did not all arrive within 300 s");
      await sleep(20);
      stats = await receiverStats(o.receiverUrl);
    }
    while ((await db.prisma.delivery.count({ where: { endpointId, status: "succeeded" } })) < o.count) {
      if (Date.now() > deadline) throw new Error("deliveries were not all recorded within 300 s");
      await sleep(10);
    }
    const elapsed = Date.now() - stats.firstAt!;
    const workerCpuMs = pids.reduce((sum, pid) => sum + treeCpuMs(pid), 0) - cpuAtStart;
    return {
      deliveries: o.count,
      workers: o.workers,
      workerPerSecond: (o.count / elapsed) * 1000,
      workerCpuUsPerDelivery: (workerCpuMs * 1000) / o.count,
      baselinePerSecond: baseline.perSecond,
      baselineRequests: baseline.requests,
      baselineCpuUsPerRequest: (baselineCpuMs * 1000) / baseline.requests,
    };
  } finally {
    for (const w of workers) await w.stop();
    await clear(db);
  }
}

/** Lateness of timers set for the same schedule in this process: what the worker's figure is compared with. */
async function timerLateness(offsets: number[]): Promise<number[]> {
  const t0 = Date.now() + 500;
  const late: number[] = [];
  await new Promise<void>((resolve) => {
    let left = offsets.length;
    for (const off of offsets) {
      const due = Math.round(t0 + off);
      setTimeout(() => {
        late.push(Date.now() - due);
        if (--left === 0) resolve();
      }, due - Date.now());
    }
  });
  return late;
}

/**
 * Scheduling lateness of retries: `queued` retries are in the table; the first `rate × windowMs`
 * come due evenly over the window (at half the measured delivery capacity, so the figure is
 * the scheduler's delay rather than a backlog), the rest later. Lateness = when the worker
 * started the attempt minus when it was due.
 */
export async function measureLateness(db: Db, databaseUrl: string, receiverUrl: string, s: WorkerSettings & { queued: number; ratePerSecond: number; windowMs: number }): Promise<LatenessFigures> {
  await clear(db);
  const endpointId = await createEndpoint(db, `${receiverUrl}/hook`);
  const measured = Math.min(s.queued, Math.max(10, Math.round((s.ratePerSecond * s.windowMs) / 1000)));
  const offsets = Array.from({ length: measured }, (_, i) => (i * s.windowMs) / measured);
  const laterFrom = s.windowMs + 60_000;
  // Queried by endpoint, not by id lists: thousands of ids exceed SQLite's parameter limit.
  const attemptsSoFar = () => db.prisma.deliveryAttempt.findMany({ where: { delivery: { endpointId } }, select: { deliveryId: true, startedAt: true } });
  const env = { HOOKRELAY_WORKER_CONCURRENCY: String(s.concurrency), HOOKRELAY_WORKER_POLL_MS: String(s.pollMs), HOOKRELAY_AUTO_DISABLE_AFTER_MS: "0" };
  let worker: Child | undefined;
  let scheduled: Map<string, number>;
  let isMeasured: Set<string>;
  try {
    worker = await startWorkerProcess(databaseUrl, env);
    const t0 = Date.now() + 3_000;
    const due = (i: number) => new Date(Math.round(i < measured ? t0 + offsets[i] : t0 + laterFrom + i * 10));
    const ids = await seed(db, endpointId, s.queued, due, 1);
    scheduled = new Map(ids.map((id, i) => [id, due(i).getTime()]));
    isMeasured = new Set(ids.slice(0, measured));
    if (Date.now() > t0) throw new Error("writing the queued retries took longer than the 3 s lead before the first came due");
    await sleep(t0 + s.windowMs - Date.now());
    const deadline = Date.now() + 60_000;
    while ((await db.prisma.deliveryAttempt.count({ where: { delivery: { endpointId } } })) < measured) {
      if (Date.now() > deadline) throw new Error("retries were not all attempted within 60 s of the window");
      await sleep(50);
    }
  } finally {
    await worker?.stop();
  }
  const attempts = await attemptsSoFar();
  const early = attempts.filter((a) => a.startedAt.getTime() < scheduled.get(a.deliveryId)!);
  if (early.length > 0) throw new Error(`${early.length} retries were sent before they were due`);
  const late = attempts.filter((a) => isMeasured.has(a.deliveryId)).map((a) => a.startedAt.getTime() - scheduled.get(a.deliveryId)!);
  if (late.length !== measured) throw new Error(`${late.length} of ${measured} measured retries were attempted`);
  await clear(db);
  const base = await timerLateness(offsets);
  return {
    queued: s.queued,
    measured,
    ratePerSecond: s.ratePerSecond,
    p50Ms: percentile(late, 0.5),
    p99Ms: percentile(late, 0.99),
    maxMs: Math.max(...late),
    baselineP50Ms: percentile(base, 0.5),
    baselineP99Ms: percentile(base, 0.99),
  };
}
