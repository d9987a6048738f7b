import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Db } from "@/lib/db/client";
import { createScratchDb, type ScratchDb } from "@/scripts/lib/scratch-db";
import { startApp, type AppServer } from "../../support/app-server";
import { ROOT } from "../../support/built-app";
import { assertPostgresReachable } from "../../support/databases";
import { TestReceiver, waitFor } from "../../support/receiver";
import { TcpProxy, throughProxy } from "../../support/tcp-proxy";

// The contract: an answer within the processing budget + 5 s, and 200s and
// deliveries again within 30 s of the database's return.
const BUDGET_MS = 10_000;
const ANSWER_BOUND_MS = BUDGET_MS + 5_000;
const RECOVERY_MS = 30_000;
// Longer than a statement deadline, a transaction deadline and the server's
// idle-in-transaction timeout: every deadline fires while the database is silent.
const FREEZE_MS = 20_000;
const POST_EVERY_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  id: string;
  status: number;
  ms: number;
}

describe.runIf(Boolean(process.env.TEST_POSTGRES_URL))("PostgreSQL going silent (packets dropped, nothing reset) and coming back", () => {
  const receiver = new TestReceiver();
  let scratch: ScratchDb;
  let proxy: TcpProxy;
  let server: AppServer;
  let worker: ChildProcess;
  const workerOutput: string[] = [];
  let db: Db;
  let eventType = "";

  beforeAll(async () => {
    await assertPostgresReachable();
    await receiver.start();
    scratch = await createScratchDb("postgresql");
    proxy = new TcpProxy(Number(new URL(scratch.url).port || 5432), new URL(scratch.url).hostname);
    await proxy.start();
    const viaProxy = throughProxy(scratch.url, proxy);
    server = await startApp({ databaseUrl: viaProxy, env: { HOOKRELAY_PROCESSING_BUDGET_MS: String(BUDGET_MS) } });
    db = await connect(scratch.url, { poolSize: 3 });
    // A short request timeout keeps the leases short: a delivery whose attempt could not be recorded comes back soon.
    const policy = await db.prisma.retryPolicy.create({ data: { name: "freeze", maxAttempts: 10, initialDelayMs: 200, maxDelayMs: 1_000, exponentialBase: 2, jitter: 0, jitterMode: "none", timeoutMs: 1_000 } });
    eventType = `freeze.${randomUUID().slice(0, 8)}`;
    await db.prisma.endpoint.create({ data: { url: receiver.url, secret: `whsec_${Buffer.from("database-freeze-secret-0123456789").toString("base64")}`, eventTypes: JSON.stringify([eventType]), policyId: policy.id } });
    worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: viaProxy, HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: "true", HOOKRELAY_WORKER_POLL_MS: "100", HOOKRELAY_LEASE_MARGIN_MS: "1000", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (b: Buffer) => workerOutput.push(b.toString());
    worker.stdout!.on("data", keep);
    worker.stderr!.on("data", keep);
  }, 120_000);

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.kill("SIGTERM");
      await exited;
    }
    await server?.stop();
    await db?.close();
    await proxy?.stop();
    await receiver.stop();
    await scratch?.drop();
  });

  async function post(id: string): Promise<Answer> {
    const started = Date.now();
    const res = await server.fetch("/api/webhook", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id, type: eventType }) });
    await res.arrayBuffer();
    return { id, status: res.status, ms: Date.now() - started };
  }

  const delivered = () => new Set(receiver.requests.map((r) => (JSON.parse(r.body) as { id: string }).id));

  /** Posts a new event every POST_EVERY_MS while `during` runs, without waiting for answers; returns every answer. */
  async function postThroughout(prefix: string, during: () => Promise<void>): Promise<Answer[]> {
    const answers: Promise<Answer>[] = [];
    let running = true;
    const loop = (async () => {
      for (let i = 0; running; i++) {
        answers.push(post(`${prefix}-${i}`));
        await sleep(POST_EVERY_MS);
      }
    })();
    await during();
    running = false;
    await loop;
    return Promise.all(answers);
  }

  /** After the database is back: new events until one is answered 200, then until it is delivered; times from `backAt`. */
  async function recovery(prefix: string, backAt: number): Promise<{ answered200Ms: number; deliveredMs: number }> {
    let accepted: Answer | null = null;
    for (let i = 0; !accepted && Date.now() - backAt < RECOVERY_MS; i++) {
      const a = await post(`${prefix}-${i}`);
      expect(a.ms, JSON.stringify(a)).toBeLessThanOrEqual(ANSWER_BOUND_MS);
      if (a.status === 200) accepted = a;
      else await sleep(POST_EVERY_MS);
    }
    expect(accepted, "no 200 within 30 s of the database's return").not.toBeNull();
    const answered200Ms = Date.now() - backAt;
    await waitFor(() => delivered().has(accepted!.id), Math.max(1, backAt + RECOVERY_MS - Date.now()), 50);
    return { answered200Ms, deliveredMs: Date.now() - backAt };
  }

  async function checkAnswers(answers: Answer[]): Promise<void> {
    for (const a of answers) {
      expect(a.ms, JSON.stringify(a)).toBeLessThanOrEqual(ANSWER_BOUND_MS);
      expect([200, 503], JSON.stringify(a)).toContain(a.status);
    }
    // A 200 is a promise the event is kept: it is stored and processed.
    const accepted = answers.filter((a) => a.status === 200).map((a) => a.id);
    const stored = await db.prisma.inboundEvent.findMany({ where: { idempotencyKey: { in: accepted } }, select: { idempotencyKey: true, status: true, messageId: true } });
    expect(stored.map((r) => r.idempotencyKey).sort()).toEqual([...accepted].sort());
    for (const r of stored) expect(r).toMatchObject({ status: "processed", messageId: expect.any(String) });
  }

  /** Backends of our database left inside a transaction by a client that vanished. */
  async function idleInTransaction(): Promise<number> {
    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state LIKE 'idle in transaction%'`, [new URL(scratch.url).pathname.slice(1)]);
      return rows[0].n;
    } finally {
      await admin.end();
    }
  }

  function report(label: string, answers: Answer[], rec: { answered200Ms: number; deliveredMs: number }): void {
    const times = answers.map((a) => a.ms).sort((x, y) => x - y);
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const counts = [...byStatus].map(([status, n]) => `${status}×${n}`);
    console.info(
      `[${label}] ${answers.length} answers during the freeze (${counts.join(", ")}): median ${times[Math.floor(times.length / 2)]} ms, max ${times.at(-1)} ms; ` +
        `first 200 ${rec.answered200Ms} ms and first delivery ${rec.deliveredMs} ms after the database came back`,
    );
  }

  it("answers every request within the budget + 5 s while frozen (503, or 200 for an event it kept), and recovers within 30 s by itself", { timeout: 180_000 }, async () => {
    const warm = await post("warm-up");
    expect(warm.status).toBe(200);
    await waitFor(() => delivered().has("warm-up"), 30_000);

    const answers = await postThroughout("frozen", async () => {
      await sleep(1_000);
      proxy.freeze();
      await sleep(FREEZE_MS);
    });
    proxy.thaw();
    const backAt = Date.now();
    const rec = await recovery("after-freeze", backAt);
    report("freeze", answers, rec);

    await checkAnswers(answers);
    expect(answers.some((a) => a.status === 503)).toBe(true);
    expect(worker.exitCode, workerOutput.join("")).toBeNull();
    // No session is left holding locks: the server ended the ones whose client gave up.
    await waitFor(async () => (await idleInTransaction()) === 0, Math.max(1, backAt + RECOVERY_MS - Date.now()), 200);
  });

  it("the same freeze, then every connection reset: the worker process is still running and delivers again", { timeout: 180_000 }, async () => {
    const answers = await postThroughout("reset", async () => {
      await sleep(1_000);
      proxy.freeze();
      await sleep(FREEZE_MS);
    });
    proxy.cut();
    proxy.restore();
    const backAt = Date.now();
    const rec = await recovery("after-reset", backAt);
    report("freeze then reset", answers, rec);

    await checkAnswers(answers);
    expect(worker.exitCode, workerOutput.join("")).toBeNull();
    expect(worker.signalCode).toBeNull();
  });
});
