import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Db } from "@/lib/db/client";
import { createMessage } from "@/lib/delivery/create-message";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { TestReceiver, waitFor } from "../../support/receiver";
import { testProviders, useTestDatabase } from "../../support/databases";

function spawnWorker(url: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: "true",
      HOOKRELAY_LEASE_MARGIN_MS: "500",
      HOOKRELAY_WORKER_POLL_MS: "50",
      HOOKRELAY_WORKER_CONCURRENCY: "10",
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
}

async function queue(db: Db, url: string, count: number, timeoutMs: number): Promise<string[]> {
  await db.prisma.retryPolicy.updateMany({ data: { timeoutMs, initialDelayMs: 100, jitterMode: "none" } });
  await db.prisma.endpoint.create({ data: { url, secret: "whsec_" + Buffer.from("0123456789abcdef0123456789abcdef").toString("base64") } });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(...(await createMessage(db, { eventType: "order.created", payload: JSON.stringify({ i }) })).deliveryIds);
  return ids;
}

describe.each(testProviders())("crash safety on %s", (provider) => {
  const t = useTestDatabase(provider);
  const receiver = new TestReceiver();
  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it("a worker killed with SIGKILL mid-batch loses nothing: every message is delivered after a restart", async () => {
    let hang = true;
    // Requests go out and are never answered while the first worker lives: sent, not recorded.
    receiver.respondWith(() => (hang ? { status: 200, delayMs: 60_000 } : { status: 200 }));
    // A short timeout keeps the lease (longest timeout + margin) short, so the restart takes over soon.
    const ids = await queue(t.db, receiver.url, 25, 1_000);
    const first = spawnWorker(t.url);
    await waitFor(() => receiver.requests.length >= 10, 30_000);
    const inFlightAtKill = receiver.requests.length;
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    hang = false;
    const second = spawnWorker(t.url);
    try {
      await waitFor(async () => (await t.db.prisma.delivery.count({ where: { id: { in: ids }, status: "succeeded" } })) === ids.length, 40_000);
    } finally {
      second.kill("SIGTERM");
      await new Promise((r) => second.once("exit", r));
    }
    const byMessage = new Map<string, number>();
    for (const r of receiver.requests) {
      const id = String(r.headers["webhook-id"]);
      byMessage.set(id, (byMessage.get(id) ?? 0) + 1);
    }
    expect(byMessage.size).toBe(25);
    const duplicates = receiver.requests.length - byMessage.size;
    // A resend happens only for what was in flight when the worker died, and keeps its webhook-id.
    expect(duplicates).toBeGreaterThan(0);
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
    const attempts = await t.db.prisma.deliveryAttempt.findMany({ where: { deliveryId: { in: ids } } });
    expect(attempts).toHaveLength(25);
    expect(attempts.every((a) => a.number === 1 && a.outcome === "SUCCESS")).toBe(true);
  });
});

describe.runIf(testProviders().includes("postgresql"))("two workers on postgresql", () => {
  const t = useTestDatabase("postgresql");
  const receiver = new TestReceiver();
  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it("never send one delivery concurrently, and between them deliver each exactly once", async () => {
    receiver.respondWith(() => ({ status: 200, delayMs: 15 }));
    // A generous timeout: on a loaded machine a timed-out request is retried, a legitimate second send.
    const ids = await queue(t.db, receiver.url, 200, 20_000);
    const dbs = [await connect(t.url), await connect(t.url)];
    const workers = dbs.map((db, i) => new DeliveryWorker({ db, id: `w${i}`, concurrency: 20, pollMs: 20, allowPrivateDestinations: true, autoDisableAfterMs: 0 }));
    workers.forEach((w) => w.start());
    try {
      await waitFor(async () => (await t.db.prisma.delivery.count({ where: { id: { in: ids }, status: "succeeded" } })) === 200, 60_000);
    } finally {
      await Promise.all(workers.map((w) => w.stop(2_000)));
      await Promise.all(dbs.map((db) => db.close()));
    }
    expect(receiver.maxConcurrentPerKey).toBe(1);
    expect(receiver.requests).toHaveLength(200);
    expect(new Set(receiver.requests.map((r) => r.headers["x-hookrelay-delivery-id"])).size).toBe(200);
    const byWorker = await t.db.prisma.deliveryAttempt.groupBy({ by: ["workerId"], _count: true });
    expect(byWorker).toHaveLength(2);
  });
});
