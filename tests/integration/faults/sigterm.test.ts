import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders, useTestDatabase } from "../../support/databases";
import { TestReceiver, waitFor } from "../../support/receiver";
import { createEndpoint, createPolicy, queueDeliveries, startWorker } from "./support";

const GRACE_MS = 3_000;

function spawnWorker(url: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: "true",
      HOOKRELAY_WORKER_POLL_MS: "50",
      HOOKRELAY_WORKER_CONCURRENCY: "8",
      HOOKRELAY_SHUTDOWN_GRACE_MS: String(GRACE_MS),
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
}

describe.each(testProviders())("SIGTERM under load on %s", (provider) => {
  const t = useTestDatabase(provider);
  const receiver = new TestReceiver();
  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it("in-flight requests finish or are handed back within the grace period; nothing is lost or recorded twice", { timeout: 60_000 }, async () => {
    // The first four requests hang past the grace period; the rest take a moment and finish well within it.
    receiver.respondWith((_r, i) => (i < 4 ? { status: 200, delayMs: 60_000 } : { status: 200, delayMs: 200 }));
    // A long request timeout: only the shutdown can end the hanging requests.
    const policy = await createPolicy(t.db, { timeoutMs: 30_000 });
    const endpoint = await createEndpoint(t.db, receiver.url, { policyId: policy.id });
    const ids = await queueDeliveries(t.db, endpoint.id, endpoint.eventType, 60);

    const child = spawnWorker(t.url);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await waitFor(() => receiver.requests.length >= 12, 30_000);
    const inFlight = await t.db.prisma.delivery.count({ where: { id: { in: ids }, status: "in_flight" } });
    expect(inFlight).toBeGreaterThan(4);
    const signalledAt = Date.now();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const rows = await t.db.prisma.delivery.findMany({ where: { id: { in: ids } }, include: { attempts: true } });
    // No delivery is left leased to the dead worker: each finished or went back to the queue.
    expect(rows.filter((d) => d.status === "in_flight")).toEqual([]);
    const succeeded = rows.filter((d) => d.status === "succeeded");
    const released = rows.filter((d) => d.status === "pending" && d.attemptCount === 0);
    expect(succeeded.length + released.length).toBe(ids.length);
    for (const d of succeeded) expect(d.attempts.map((a) => a.outcome)).toEqual(["SUCCESS"]);
    // Handed back unrecorded: no attempt, no lease, due again at once.
    for (const d of released) {
      expect(d.attempts).toEqual([]);
      expect(d.leaseOwner).toBeNull();
      expect(d.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    // Both paths were taken: work in flight at the signal finished, and the hanging requests
    // were handed back when the grace period ended, not recorded as timed out 30 s later.
    const hungIds = new Set(receiver.requests.slice(0, 4).map((r) => r.headers["x-hookrelay-delivery-id"]));
    for (const d of rows.filter((r) => hungIds.has(r.id))) expect(d.status).toBe("pending");
    const answeredAfterSignal = receiver.requests.slice(4).filter((r) => r.at >= signalledAt - 200);
    expect(answeredAfterSignal.length).toBeGreaterThan(0);
    // Every request that was answered (all but the hanging ones) is recorded as a success.
    const answeredIds = new Set(receiver.requests.slice(4).map((r) => r.headers["x-hookrelay-delivery-id"]));
    expect(succeeded.map((d) => d.id).sort()).toEqual([...answeredIds].sort());

    // Another worker takes the rest: every delivery ends succeeded with exactly one recorded attempt.
    receiver.respondWith(() => ({ status: 200 }));
    const worker = startWorker(t.db);
    try {
      await waitFor(async () => (await t.db.prisma.delivery.count({ where: { id: { in: ids }, status: "succeeded" } })) === ids.length, 30_000);
    } finally {
      await worker.stop(1_000);
    }
    const attempts = await t.db.prisma.deliveryAttempt.findMany({ where: { deliveryId: { in: ids } } });
    expect(attempts).toHaveLength(ids.length);
    expect(new Set(attempts.map((a) => a.deliveryId)).size).toBe(ids.length);
  });
});
