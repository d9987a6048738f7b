import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Db } from "@/lib/db/client";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import type { InboundAnswer, InboundDeps } from "@/lib/inbound/receive-webhook";
import { useTestDatabase } from "../../support/databases";
import { TestReceiver, waitFor } from "../../support/receiver";
import { TcpProxy, throughProxy } from "../../support/tcp-proxy";
import { createEndpoint, createPolicy, inboundDeps, postEvent, sleep, startWorker } from "./support";

// A database that drops away only makes sense with a server to drop: PostgreSQL behind a proxy.
describe.runIf(Boolean(process.env.TEST_POSTGRES_URL))("the database connection cut and restored (postgresql)", () => {
  const t = useTestDatabase("postgresql");
  const receiver = new TestReceiver();
  let proxy: TcpProxy;
  let db: Db;
  let worker: DeliveryWorker | undefined;

  beforeAll(async () => {
    await receiver.start();
    proxy = new TcpProxy(Number(new URL(t.url).port || 5432), new URL(t.url).hostname);
    await proxy.start();
    db = await connect(throughProxy(t.url, proxy), { poolSize: 5 });
    // The lease is the longest request timeout plus a margin: short timeouts everywhere let a
    // delivery whose attempt could not be recorded during the outage come back in seconds.
    await t.db.prisma.retryPolicy.updateMany({ data: { timeoutMs: 1_000 } });
  });
  afterAll(async () => {
    await worker?.stop(1_000);
    await db?.close();
    await proxy?.stop();
    await receiver.stop();
  });

  /** Posts until the answer is 200, as a provider retries; returns every answer seen. */
  async function deliverWithRetries(deps: InboundDeps, body: { id: string; type: string }, until: number): Promise<InboundAnswer[]> {
    const answers: InboundAnswer[] = [];
    for (;;) {
      const a = await postEvent(deps, body);
      answers.push(a);
      if (a.status === 200 || Date.now() > until) return answers;
      await sleep(100);
    }
  }

  it("inbound answers 503, never 200, while it is down; afterwards the worker resumes by itself and nothing is lost", { timeout: 90_000 }, async () => {
    const policy = await createPolicy(t.db, { timeoutMs: 1_000, initialDelayMs: 100 });
    const endpoint = await createEndpoint(t.db, receiver.url, { policyId: policy.id });
    receiver.respondWith(() => ({ status: 200, delayMs: 20 }));
    // The processing budget sets the lease a run abandoned by the outage holds on its key.
    const deps = inboundDeps(db, { budgetMs: 3_000 });
    worker = startWorker(db);
    const event = (id: string) => ({ id, type: endpoint.eventType });

    const before = await Promise.all(Array.from({ length: 10 }, (_, i) => postEvent(deps, event(`before-${i}`))));
    expect(before.map((a) => a.status)).toEqual(Array(10).fill(200));

    // Cut while requests are in flight, then post new events and a duplicate while it stays down.
    const inFlight = Array.from({ length: 10 }, (_, i) => postEvent(deps, event(`cut-${i}`)));
    await sleep(5);
    proxy.cut();
    const duringCut = await Promise.all(inFlight);
    const down: InboundAnswer[] = [];
    for (let i = 0; i < 10; i++) down.push(await postEvent(deps, event(`down-${i}`)));
    const duplicate = await postEvent(deps, event("before-0"));
    await sleep(1_500);
    proxy.restore();

    for (const a of down) {
      expect(a.status, a.body).toBe(503);
      expect(Number(a.headers["Retry-After"])).toBeGreaterThan(0);
    }
    // A request the cut caught half-way may have been stored before it: then it is 200, else 503.
    for (const a of duringCut) expect([200, 503], a.body).toContain(a.status);
    // The event was stored before the cut: answering it from the memory tier is right.
    expect(duplicate.status).toBe(200);
    expect(duplicate.headers["Idempotent-Replayed"]).toBe("true");

    // The provider retries what was not accepted; an abandoned run's key frees itself when its lease ends.
    const ids = [...Array.from({ length: 10 }, (_, i) => `before-${i}`), ...Array.from({ length: 10 }, (_, i) => `cut-${i}`), ...Array.from({ length: 10 }, (_, i) => `down-${i}`)];
    const until = Date.now() + 30_000;
    const retried = await Promise.all(ids.map((id) => deliverWithRetries(deps, event(id), until)));
    for (const answers of retried) {
      expect(answers.at(-1)!.status, answers.at(-1)!.body).toBe(200);
      // Retry later, in one of the designed ways: in progress, database away, processing failed (over budget).
      for (const a of answers) {
        expect([200, 409, 500, 503], a.body).toContain(a.status);
        if (a.status === 500) expect(JSON.parse(a.body).error.code).toBe("processing_failed");
      }
    }

    // Nothing lost, nothing doubled: one record and one message per event, each delivered.
    const records = await t.db.prisma.inboundEvent.findMany({ where: { idempotencyKey: { in: ids } } });
    expect(records).toHaveLength(ids.length);
    expect(records.every((r) => r.status === "processed" && r.messageId)).toBe(true);
    const deliveries = await waitFor(
      async () => {
        const rows = await t.db.prisma.delivery.findMany({ where: { endpointId: endpoint.id } });
        return rows.length === ids.length && rows.every((d) => d.status === "succeeded") ? rows : null;
      },
      40_000,
      100,
    );
    expect(new Set(deliveries.map((d) => d.messageId))).toEqual(new Set(records.map((r) => r.messageId)));
    const delivered = new Set(receiver.requests.map((r) => r.headers["webhook-id"]));
    for (const r of records) expect(delivered.has(r.messageId!)).toBe(true);
  });

  it("the worker, cut off mid-batch, resumes by itself and delivers every queued message once recorded", { timeout: 60_000 }, async () => {
    const policy = await createPolicy(t.db, { timeoutMs: 1_000, initialDelayMs: 100 });
    const endpoint = await createEndpoint(t.db, receiver.url, { policyId: policy.id });
    receiver.requests.length = 0;
    receiver.respondWith(() => ({ status: 200, delayMs: 50 }));
    const { createMessage } = await import("@/lib/delivery/create-message");
    const messageIds: string[] = [];
    for (let i = 0; i < 40; i++) messageIds.push((await createMessage(t.db, { eventType: endpoint.eventType, payload: JSON.stringify({ i }) })).messageId);
    await worker?.stop(1_000);
    worker = startWorker(db, { concurrency: 4 });
    await waitFor(() => receiver.requests.length >= 6, 20_000);
    proxy.cut();
    await sleep(2_000);
    proxy.restore();
    const rows = await waitFor(
      async () => {
        const ds = await t.db.prisma.delivery.findMany({ where: { endpointId: endpoint.id }, include: { attempts: true } });
        return ds.length === 40 && ds.every((d) => d.status === "succeeded") ? ds : null;
      },
      45_000,
      100,
    );
    // Each delivery recorded one successful attempt (a send whose record was cut off is sent again).
    for (const d of rows) expect(d.attempts.filter((a) => a.outcome === "SUCCESS")).toHaveLength(1);
    const delivered = new Set(receiver.requests.map((r) => r.headers["webhook-id"]));
    for (const id of messageIds) expect(delivered.has(id)).toBe(true);
  });
});
