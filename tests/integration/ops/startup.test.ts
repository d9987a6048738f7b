import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkerReport } from "@/lib/delivery/worker-health";
import { STALE_AFTER_MS } from "@/lib/delivery/worker-heartbeats";
import { createScratchDb, type ScratchDb } from "@/scripts/lib/scratch-db";
import { startApp, useApp } from "../../support/app-server";
import { ROOT } from "../../support/built-app";
import { assertPostgresReachable } from "../../support/databases";
import { waitFor } from "../../support/receiver";
import { TcpProxy, throughProxy } from "../../support/tcp-proxy";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function spawnWorker(databaseUrl: string, env: Record<string, string> = {}): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const lines: string[] = [];
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: "true", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (b: Buffer) => lines.push(b.toString()));
  proc.stderr!.on("data", (b: Buffer) => lines.push(b.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { proc, output: () => lines.join(""), exited };
}

const count = (text: string, msg: string) => text.split("\n").filter((line) => line.includes(`"msg":"${msg}`)).length;

describe("settings checked at start-up", () => {
  let scratch: ScratchDb;
  beforeAll(async () => {
    scratch = await createScratchDb("sqlite");
  });
  afterAll(async () => {
    await scratch.drop();
  });

  it("a bad value stops the web server, naming the variable and the rule", async () => {
    await expect(startApp({ databaseUrl: scratch.url, env: { HOOKRELAY_WORKER_CONCURRENCY: "abc" } })).rejects.toThrow(/HOOKRELAY_WORKER_CONCURRENCY: must be a whole number from 1 to 1000/);
    await expect(startApp({ databaseUrl: scratch.url, env: { HOOKRELAY_RETENTION_ATTEMPTS_DAYS: "0", HOOKRELAY_WORKER: "maybe" } })).rejects.toThrow(
      /HOOKRELAY_WORKER: must be one of true, false.*; HOOKRELAY_RETENTION_ATTEMPTS_DAYS: must be a whole number from 1 to 3650/,
    );
  });

  it("a bad value stops the standalone worker the same way", async () => {
    const worker = spawnWorker(scratch.url, { HOOKRELAY_DB_STATEMENT_TIMEOUT_MS: "-5" });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain("HOOKRELAY_DB_STATEMENT_TIMEOUT_MS: must be a whole number from 100 to 3600000");
  });
});

describe.runIf(Boolean(process.env.TEST_POSTGRES_URL))("start-up while PostgreSQL is unreachable", () => {
  let scratch: ScratchDb;
  let proxy: TcpProxy;
  beforeAll(async () => {
    await assertPostgresReachable();
    scratch = await createScratchDb("postgresql");
    proxy = new TcpProxy(Number(new URL(scratch.url).port || 5432), new URL(scratch.url).hostname);
    await proxy.start();
  });
  afterAll(async () => {
    await proxy?.stop();
    await scratch?.drop();
  });

  it("retries only the database step, starts each background loop once, and says the database is ready once", { timeout: 90_000 }, async () => {
    proxy.cut();
    const starting = startApp({ databaseUrl: throughProxy(scratch.url, proxy), env: { HOOKRELAY_WORKER: "true", LOG_LEVEL: "info" } });
    // The outage the server starts into: long enough for the first try and a retry (every 5 s) to fail.
    await sleep(12_000);
    proxy.restore();
    const server = await starting;
    try {
      // Health answers as soon as the database does; the start-up step notices at its next try.
      const log = await waitFor(() => (count(server.output(), "first operator created from HOOKRELAY_ADMIN_EMAIL") > 0 ? server.output() : null), 15_000, 100);
      expect(count(log, "database start-up step failed")).toBeGreaterThanOrEqual(1);
      expect(count(log, "database ready")).toBe(1);
      expect(count(log, "delivery worker supervisor started")).toBe(1);
      expect(count(log, "first operator created from HOOKRELAY_ADMIN_EMAIL")).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

describe("a stalled standalone worker in /api/health", () => {
  const app = useApp("sqlite");
  let worker: ReturnType<typeof spawnWorker> | undefined;
  afterAll(async () => {
    if (worker && worker.proc.exitCode === null) {
      worker.proc.kill("SIGCONT");
      worker.proc.kill("SIGTERM");
      await worker.exited;
    }
  });

  const standalone = async () => {
    const res = await app.fetch("/api/health");
    const body = (await res.json()) as { status: string; workers: WorkerReport[] };
    return { status: res.status, overall: body.status, worker: body.workers.find((w) => w.kind === "standalone" && w.pid === worker!.proc.pid) };
  };

  it("is reported stalled, and why, when it stops beating; and running again when it resumes", { timeout: 90_000 }, async () => {
    worker = spawnWorker(app.databaseUrl, { HOOKRELAY_WORKER_POLL_MS: "100" });
    await waitFor(async () => (await standalone()).worker?.state === "running", 30_000, 200);

    // A hung process: it neither claims nor beats.
    worker.proc.kill("SIGSTOP");
    const stalled = await waitFor(async () => {
      const h = await standalone();
      return h.worker?.state === "stalled" ? h : null;
    }, STALE_AFTER_MS + 15_000, 500);
    expect(stalled.status).toBe(200);
    expect(stalled.overall).toBe("degraded");
    expect(stalled.worker!.reason).toMatch(/^no heartbeat for \d+ s: the process is gone, hung or cut off from the database$/);

    worker.proc.kill("SIGCONT");
    const resumed = await waitFor(async () => {
      const h = await standalone();
      return h.worker?.state === "running" ? h : null;
    }, 30_000, 500);
    expect(resumed.overall).toBe("ok");
  });
});
