import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import type { Db } from "@/lib/db/client";
import { createMessage } from "@/lib/delivery/create-message";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { TestReceiver, waitFor } from "../../support/receiver";
import { testProviders, useTestDatabase } from "../../support/databases";

const SECRET = "whsec_" + Buffer.from("hookrelay-test-secret-0123456789").toString("base64");

async function makeEndpoint(db: Db, url: string, policy: Partial<{ maxAttempts: number; initialDelayMs: number; maxDelayMs: number; timeoutMs: number; exponentialBase: number }> = {}) {
  const p = await db.prisma.retryPolicy.create({
    data: {
      name: `p-${Math.random().toString(36).slice(2)}`,
      maxAttempts: policy.maxAttempts ?? 5,
      initialDelayMs: policy.initialDelayMs ?? 200,
      maxDelayMs: policy.maxDelayMs ?? 10_000,
      exponentialBase: policy.exponentialBase ?? 2,
      jitter: 0,
      jitterMode: "none",
      timeoutMs: policy.timeoutMs ?? 2_000,
    },
  });
  return db.prisma.endpoint.create({ data: { url, secret: SECRET, policyId: p.id, eventTypes: JSON.stringify([`t.${p.id}`]) } });
}

async function send(db: Db, endpoint: { eventTypes: string }, payload: object = { hello: "world" }) {
  const [eventType] = JSON.parse(endpoint.eventTypes) as string[];
  const m = await createMessage(db, { eventType, payload: JSON.stringify(payload) });
  expect(m.deliveryIds).toHaveLength(1);
  return m.deliveryIds[0];
}

function startWorker(db: Db, extra: Partial<ConstructorParameters<typeof DeliveryWorker>[0]> = {}) {
  const w = new DeliveryWorker({ db, concurrency: 8, pollMs: 50, allowPrivateDestinations: true, autoDisableAfterMs: 0, leaseMarginMs: 1_000, ...extra });
  w.start();
  return w;
}

const finalStatus = (db: Db, id: string) =>
  waitFor(async () => {
    const d = await db.prisma.delivery.findUnique({ where: { id }, include: { attempts: { orderBy: { number: "asc" } } } });
    return d && ["succeeded", "dead", "failed"].includes(d.status) ? d : null;
  });

describe.each(testProviders())("delivery worker on %s", (provider) => {
  const t = useTestDatabase(provider);
  const receiver = new TestReceiver();
  let worker: DeliveryWorker | undefined;

  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });
  afterEach(async () => {
    await worker?.stop(1_000);
    worker = undefined;
    receiver.requests.length = 0;
  });

  it("retries a receiver that fails twice, with gaps that follow the policy, then succeeds", async () => {
    receiver.respondWith((_r, i) => (i < 2 ? { status: 500, body: "boom" } : { status: 200, body: "thanks" }));
    const ep = await makeEndpoint(t.db, receiver.url, { initialDelayMs: 300, exponentialBase: 2 });
    const id = await send(t.db, ep);
    worker = startWorker(t.db);
    const d = await finalStatus(t.db, id);
    expect(d.status).toBe("succeeded");
    expect(d.attempts.map((a) => [a.number, a.statusCode, a.outcome, a.delayMs])).toEqual([
      [1, 500, "RETRY", 300],
      [2, 500, "RETRY", 600],
      [3, 200, "SUCCESS", null],
    ]);
    expect(d.attempts[0].responseBody).toBe("boom");
    const [a, b, c] = receiver.requests.map((r) => r.at);
    expect(b - a).toBeGreaterThanOrEqual(300);
    expect(c - b).toBeGreaterThanOrEqual(600);
    // Generous upper bounds: the gap is the policy's delay, not a poll interval or more.
    expect(b - a).toBeLessThan(300 + 1_500);
    expect(c - b).toBeLessThan(600 + 1_500);
  });

  it("signs every request so the standardwebhooks library verifies it, with a webhook-id constant across retries", async () => {
    receiver.respondWith((_r, i) => (i === 0 ? { status: 502 } : { status: 204 }));
    const ep = await makeEndpoint(t.db, receiver.url, { initialDelayMs: 50 });
    const id = await send(t.db, ep, { order: 42 });
    worker = startWorker(t.db);
    expect((await finalStatus(t.db, id)).status).toBe("succeeded");
    expect(receiver.requests).toHaveLength(2);
    const verifier = new Webhook(SECRET);
    for (const r of receiver.requests) {
      const headers = { "webhook-id": String(r.headers["webhook-id"]), "webhook-timestamp": String(r.headers["webhook-timestamp"]), "webhook-signature": String(r.headers["webhook-signature"]) };
      expect(verifier.verify(r.body, headers)).toEqual({ order: 42 });
      expect(r.headers["user-agent"]).toMatch(/^Hookrelay\//);
    }
    expect(receiver.requests[0].headers["webhook-id"]).toBe(receiver.requests[1].headers["webhook-id"]);
    expect(() => new Webhook("whsec_" + Buffer.from("another-secret-entirely-0000000").toString("base64")).verify(receiver.requests[0].body, {
      "webhook-id": String(receiver.requests[0].headers["webhook-id"]),
      "webhook-timestamp": String(receiver.requests[0].headers["webhook-timestamp"]),
      "webhook-signature": String(receiver.requests[0].headers["webhook-signature"]),
    })).toThrow();
  });

  it("410 Gone disables the endpoint and dead-letters with reason invalid_endpoint", async () => {
    receiver.respondWith(() => ({ status: 410 }));
    const ep = await makeEndpoint(t.db, receiver.url);
    const id = await send(t.db, ep);
    worker = startWorker(t.db);
    const d = await finalStatus(t.db, id);
    expect(d.status).toBe("dead");
    expect(d.attempts).toHaveLength(1);
    const letter = await t.db.prisma.deadLetter.findFirstOrThrow({ where: { deliveryId: id } });
    expect(letter).toMatchObject({ reason: "invalid_endpoint", status: "pending", attempts: 1, url: receiver.url });
    const endpoint = await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect(endpoint.enabled).toBe(false);
    expect(endpoint.disabledReason).toMatch(/410/);
  });

  it("records a binary answer (NUL bytes in its body) as the success it was, without sending again", async () => {
    receiver.respondWith(() => ({ status: 200, body: "GIF89a\u0000\u0001\u0000;" }));
    const ep = await makeEndpoint(t.db, receiver.url);
    const ids = [await send(t.db, ep, { n: 1 }), await send(t.db, ep, { n: 2 }), await send(t.db, ep, { n: 3 })];
    worker = startWorker(t.db);
    for (const id of ids) {
      const d = await finalStatus(t.db, id);
      expect(d.status).toBe("succeeded");
      expect(d.attempts).toHaveLength(1);
      expect(d.attempts[0]).toMatchObject({ statusCode: 200, responseBody: "GIF89a\uFFFD\u0001\uFFFD;" });
    }
    expect(receiver.requests).toHaveLength(ids.length);
  });

  it("says an attempt was sent when only recording its answer failed, and tries again", async () => {
    // A trigger refuses this one answer's record (RAISE EXCEPTION, SQLSTATE P0001 on
    // PostgreSQL; RAISE(ABORT), a constraint, on SQLite): a refusal, not an outage.
    const refuse =
      provider === "postgresql"
        ? [
            `CREATE FUNCTION refuse_299() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no 299s here'; END $$ LANGUAGE plpgsql`,
            `CREATE TRIGGER refuse_299 BEFORE INSERT ON "DeliveryAttempt" FOR EACH ROW WHEN (NEW."statusCode" = 299) EXECUTE FUNCTION refuse_299()`,
          ]
        : [`CREATE TRIGGER refuse_299 BEFORE INSERT ON "DeliveryAttempt" WHEN NEW."statusCode" = 299 BEGIN SELECT RAISE(ABORT, 'no 299s here'); END`];
    for (const statement of refuse) await t.db.prisma.$executeRawUnsafe(statement);
    try {
      let answered = 0;
      receiver.respondWith(() => ({ status: answered++ === 0 ? 299 : 200 }));
      const ep = await makeEndpoint(t.db, receiver.url);
      const id = await send(t.db, ep);
      worker = startWorker(t.db);
      const d = await finalStatus(t.db, id);
      expect(d.status).toBe("succeeded");
      expect(d.attempts.map((a) => a.statusCode)).toEqual([null, 200]);
      expect(d.attempts[0].error).toMatch(/^Sent, but its result could not be recorded: .*no 299s here/);
      expect(receiver.requests).toHaveLength(2);
    } finally {
      await t.db.prisma.$executeRawUnsafe(provider === "postgresql" ? "DROP FUNCTION refuse_299() CASCADE" : "DROP TRIGGER refuse_299");
    }
  });

  it("honours Retry-After on 503", async () => {
    receiver.respondWith((_r, i) => (i === 0 ? { status: 503, headers: { "retry-after": "1" } } : { status: 200 }));
    const ep = await makeEndpoint(t.db, receiver.url, { initialDelayMs: 10 });
    const id = await send(t.db, ep);
    worker = startWorker(t.db);
    const d = await finalStatus(t.db, id);
    expect(d.attempts.map((a) => [a.outcome, a.delayMs])).toEqual([
      ["DELAY", 1000],
      ["SUCCESS", null],
    ]);
    expect(receiver.requests[1].at - receiver.requests[0].at).toBeGreaterThanOrEqual(1000);
  });

  it("counts a request that exceeds the timeout as a failed attempt", async () => {
    receiver.respondWith((_r, i) => (i === 0 ? { status: 200, delayMs: 1_500 } : { status: 200 }));
    const ep = await makeEndpoint(t.db, receiver.url, { timeoutMs: 300, initialDelayMs: 50 });
    const id = await send(t.db, ep);
    worker = startWorker(t.db);
    const d = await finalStatus(t.db, id);
    expect(d.status).toBe("succeeded");
    expect(d.attempts[0]).toMatchObject({ number: 1, statusCode: null, outcome: "RETRY" });
    expect(d.attempts[0].error).toMatch(/timed out after 300 ms/);
    expect(d.attempts[0].durationMs).toBeGreaterThanOrEqual(290);
    expect(d.attempts[0].durationMs).toBeLessThan(1_500);
  });

  it("dead-letters with max_retries after the last attempt, with every attempt recorded", async () => {
    receiver.respondWith(() => ({ status: 500, body: "still broken" }));
    const ep = await makeEndpoint(t.db, receiver.url, { maxAttempts: 3, initialDelayMs: 20 });
    const id = await send(t.db, ep);
    worker = startWorker(t.db);
    const d = await finalStatus(t.db, id);
    expect(d.status).toBe("dead");
    expect(d.attempts.map((a) => a.outcome)).toEqual(["RETRY", "RETRY", "DEAD"]);
    const letter = await t.db.prisma.deadLetter.findFirstOrThrow({ where: { deliveryId: id } });
    expect(letter).toMatchObject({ reason: "max_retries", attempts: 3, status: "pending" });
    expect(letter.errorDetails).toMatch(/3 attempts.*500/);
    expect(d.deadLetterId).toBe(letter.id);
  });

  it("refuses private destinations at send time when they are not allowed", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const local = await t.db.prisma.endpoint.create({ data: { url: receiver.url.replace("127.0.0.1", "localhost"), secret: SECRET, policyId: ep.policyId, eventTypes: '["private.only"]' } });
    const id = await send(t.db, local);
    worker = startWorker(t.db, { allowPrivateDestinations: false });
    const d = await finalStatus(t.db, id);
    expect(d.status).toBe("dead");
    expect(d.attempts[0].error).toMatch(/Destination refused: localhost resolves to .* loopback/);
    expect(receiver.requests).toHaveLength(0);
    expect(await t.db.prisma.deadLetter.findFirstOrThrow({ where: { deliveryId: id } })).toMatchObject({ reason: "invalid_endpoint" });
  });

  it("holds a delivery that comes due after its endpoint was disabled: not attempted, not dead-lettered", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const id = await send(t.db, ep);
    await t.db.prisma.endpoint.update({ where: { id: ep.id }, data: { enabled: false, disabledReason: "Disabled by an operator" } });
    worker = startWorker(t.db);
    const d = await waitFor(async () => {
      const row = await t.db.prisma.delivery.findUnique({ where: { id }, include: { attempts: true } });
      return row?.status === "held" ? row : null;
    });
    expect(d).toMatchObject({ attemptCount: 0, leaseOwner: null, attempts: [] });
    expect(receiver.requests).toHaveLength(0);
    expect(await t.db.prisma.deadLetter.count({ where: { deliveryId: id } })).toBe(0);
  });

  it("caps the request rate to an endpoint with a backlog", async () => {
    receiver.respondWith(() => ({ status: 200 }));
    const ep = await makeEndpoint(t.db, receiver.url);
    await t.db.prisma.endpoint.update({ where: { id: ep.id }, data: { rateLimitPerSecond: 20 } });
    await t.db.prisma.retryPolicy.update({ where: { id: ep.policyId! }, data: { timeoutMs: 20_000 } });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(await send(t.db, ep, { i }));
    worker = startWorker(t.db, { concurrency: 16 });
    await waitFor(async () => (await t.db.prisma.delivery.count({ where: { id: { in: ids }, status: "succeeded" } })) === 60, 30_000);
    // Send times as the worker recorded them: arrival times would add the machine's scheduling noise.
    const sent = await t.db.prisma.deliveryAttempt.findMany({ where: { deliveryId: { in: ids } }, select: { startedAt: true } });
    const times = sent.map((a) => a.startedAt.getTime()).sort((a, b) => a - b);
    // In any one-second window: at most the burst (20) plus one second's rate (20).
    let peak = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] >= 1000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    expect(peak).toBeLessThanOrEqual(40);
    expect(times.at(-1)! - times[0]).toBeGreaterThanOrEqual(1000);
    const attempts = await t.db.prisma.deliveryAttempt.count({ where: { deliveryId: { in: ids } } });
    expect(attempts).toBe(60);
  });
  // PostgreSQL can hold back the records alone: a lock on the attempts table stops their
  // INSERT, while the claim only reads that table.
  it.runIf(provider === "postgresql")("keeps sending while attempts wait for their record's commit, up to its record backlog, then stops claiming", async () => {
    const concurrency = 4;
    const recordBacklog = 6;
    const ep = await makeEndpoint(t.db, receiver.url);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await send(t.db, ep, { i }));
    const blocker = await t.db.pgPool!.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query('LOCK TABLE "DeliveryAttempt" IN EXCLUSIVE MODE');
      worker = startWorker(t.db, { concurrency, recordBacklog });
      await waitFor(() => receiver.requests.length >= concurrency + recordBacklog);
      // Two more turns of the claim loop, the second begun after the count was reached, claim nothing.
      const reached = Date.now();
      await waitFor(() => (worker!.progress.lastLoopAt ?? 0) > reached);
      const next = worker.progress.lastLoopAt!;
      await waitFor(() => worker!.progress.lastLoopAt! > next);
      expect(worker.inFlight).toBe(concurrency + recordBacklog);
      expect(receiver.requests).toHaveLength(concurrency + recordBacklog);
      await blocker.query("COMMIT");
    } finally {
      blocker.release();
    }
    for (const id of ids) {
      const d = await finalStatus(t.db, id);
      expect([d.status, d.attempts.length]).toEqual(["succeeded", 1]);
    }
    expect(receiver.requests).toHaveLength(ids.length);
  });
});
