import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { DeliveryWorker, type WorkerOptions } from "@/lib/delivery/worker";
import { DedupeCache } from "@/lib/inbound/dedupe-cache";
import { HandlerRegistry } from "@/lib/inbound/handlers";
import { RateLimiter } from "@/lib/rate-limiter";
import { RefusalLog } from "@/lib/inbound/refusal-log";
import { receiveWebhook, type InboundAnswer, type InboundDeps } from "@/lib/inbound/receive-webhook";
import { SourceCache } from "@/lib/inbound/source-cache";

export const SECRET = `whsec_${Buffer.from("hookrelay-fault-secret-0123456789").toString("base64")}`;

/** One web instance's receive path over `db`: its own memory tier, source cache and handlers. */
export function inboundDeps(db: Db, overrides: Partial<InboundDeps> = {}): InboundDeps {
  return {
    getDb: async () => db,
    cache: new DedupeCache(50_000),
    sources: new SourceCache(),
    registry: new HandlerRegistry(),
    limiter: new RateLimiter(),
    refusals: new RefusalLog(),
    now: Date.now,
    maxBodyBytes: 1024 * 1024,
    budgetMs: 5_000,
    maxInflight: 256,
    inflight: { count: 0 },
    ...overrides,
  };
}

export function postEvent(deps: InboundDeps, body: unknown, headers: Record<string, string> = {}, source = "default"): Promise<InboundAnswer> {
  const req = new Request(`http://localhost/api/webhook${source === "default" ? "" : `/${source}`}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return receiveWebhook(deps, req, source);
}

/** A worker with short timings so faults play out in seconds. */
export function startWorker(db: Db, extra: Partial<WorkerOptions> = {}): DeliveryWorker {
  const w = new DeliveryWorker({ db, concurrency: 8, pollMs: 50, allowPrivateDestinations: true, autoDisableAfterMs: 0, leaseMarginMs: 500, ...extra });
  w.start();
  return w;
}

export interface PolicyShape {
  maxAttempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

export async function createPolicy(db: Db, p: PolicyShape = {}) {
  return db.prisma.retryPolicy.create({
    data: {
      name: `fault-${randomUUID().slice(0, 8)}`,
      maxAttempts: p.maxAttempts ?? 5,
      initialDelayMs: p.initialDelayMs ?? 100,
      maxDelayMs: p.maxDelayMs ?? 2_000,
      exponentialBase: 2,
      jitter: 0,
      jitterMode: "none",
      timeoutMs: p.timeoutMs ?? 1_000,
    },
  });
}

/** An endpoint of its own event type, so a test's messages go to it alone. */
export async function createEndpoint(db: Db, url: string, extra: { policyId?: string; rateLimitPerSecond?: number; maxConcurrency?: number } = {}) {
  const eventType = `fault.${randomUUID().slice(0, 8)}`;
  const endpoint = await db.prisma.endpoint.create({
    data: { url, secret: SECRET, eventTypes: JSON.stringify([eventType]), ...extra },
  });
  return { ...endpoint, eventType };
}

/** `count` messages with one pending delivery each to `endpointId`, written in bulk (due now). */
export async function queueDeliveries(db: Db, endpointId: string, eventType: string, count: number, payload: (i: number) => string = (i) => JSON.stringify({ i })): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date();
  for (let start = 0; start < count; start += 500) {
    const n = Math.min(500, count - start);
    const messages = Array.from({ length: n }, (_, k) => ({ id: `fm_${randomUUID()}`, eventType, payload: payload(start + k) }));
    await db.prisma.message.createMany({ data: messages });
    const deliveries = messages.map((m) => ({ id: `fd_${randomUUID()}`, messageId: m.id, endpointId, nextAttemptAt: now }));
    await db.prisma.delivery.createMany({ data: deliveries });
    ids.push(...deliveries.map((d) => d.id));
  }
  return ids;
}

/** The most timestamps falling in any window of `windowMs` (a sliding window over sorted times). */
export function peakInWindow(times: number[], windowMs = 1_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// A receiver in a process of its own, so the arrival times it records are not bunched by
// pauses of the worker's event loop (the test process runs the worker and SQLite). While
// "down" it resets every connection, as a crashed endpoint behind a load balancer does.
const CHILD_RECEIVER = `
const http = require("node:http");
const seen = [];
let down = false;
let refused = 0;
const sockets = new Set();
const server = http.createServer((req, res) => {
  if (down) { refused++; return req.socket.destroy(); }
  seen.push({ at: Date.now(), delivery: String(req.headers["x-hookrelay-delivery-id"] ?? "") });
  req.resume();
  req.on("end", () => { res.writeHead(200, { "content-type": "text/plain" }); res.end("ok"); });
});
server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); if (down) { refused++; s.destroy(); } });
const control = http.createServer((req, res) => {
  if (req.url === "/down") { down = true; for (const s of sockets) s.destroy(); }
  if (req.url === "/up") down = false;
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ seen, refused }));
});
server.listen(0, "127.0.0.1", () => control.listen(0, "127.0.0.1", () =>
  process.stdout.write(server.address().port + " " + control.address().port + "\\n")));
`;

export interface ChildReceiver {
  url: string;
  /** Resets every connection until up(). */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Every request answered: when its headers arrived and the delivery it carried. */
  seen(): Promise<{ at: number; delivery: string }[]>;
  /** Connections and requests reset while down. */
  refused(): Promise<number>;
  stop(): Promise<void>;
}

/** A receiver answering 200 at once, in a child process; `url` ends in /hook. */
export async function startChildReceiver(): Promise<ChildReceiver> {
  const child = spawn(process.execPath, ["-e", CHILD_RECEIVER], { stdio: ["ignore", "pipe", "inherit"] });
  const [port, controlPort] = await new Promise<number[]>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (b: Buffer) => {
      buf += b.toString();
      if (buf.includes("\n")) resolve(buf.split("\n")[0].split(" ").map(Number));
    });
    child.once("exit", (code) => reject(new Error(`child receiver exited with ${code}`)));
  });
  const control = async (what: string) => (await (await fetch(`http://127.0.0.1:${controlPort}/${what}`)).json()) as { seen: { at: number; delivery: string }[]; refused: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    down: async () => void (await control("down")),
    up: async () => void (await control("up")),
    seen: async () => (await control("state")).seen,
    refused: async () => (await control("state")).refused,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
