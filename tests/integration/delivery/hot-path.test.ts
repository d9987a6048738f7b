import { beforeEach, describe, expect, it } from "vitest";
import { connect, type Db } from "@/lib/db/client";
import { hotPathFor, type AcceptInput, type AttemptWrite } from "@/lib/db/hot-path";
import { newId } from "@/lib/db/ids";
import { AttemptRecorder, LeaseLostError } from "@/lib/delivery/attempt-recorder";
import { testProviders, useTestDatabase } from "../../support/databases";

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const SECRET = "whsec_aG90LXBhdGgtc2VjcmV0LTAxMjM0NTY3ODlhYg==";

function acceptInput(sourceId: string, key: string, over: Partial<AcceptInput> = {}): AcceptInput {
  return {
    eventId: newId(NOW),
    sourceId,
    key,
    keySource: "body.id",
    eventType: "order.paid",
    messageType: "order.paid",
    payload: `{"id":"${key}"}`,
    headers: "{}",
    sourceHeaders: "{}",
    providerAttempt: null,
    now: NOW,
    expiresAt: NOW + 86_400_000,
    messageId: newId(NOW),
    targets: (routes) => routes.filter((r) => r.eventTypes.includes("order")),
    resultBody: (n) => JSON.stringify({ deliveries: n }),
    ...over,
  };
}

async function claimOne(db: Db, owner: string) {
  const [d] = await hotPathFor(db).claim({ owner, now: NOW + 1, leaseUntil: NOW + 60_000, limit: 1 });
  return d;
}

function retryWrite(deliveryId: string, workerId: string): AttemptWrite {
  return {
    deliveryId,
    workerId,
    status: "pending",
    attemptCount: 1,
    nextAttemptAt: NOW + 5_000,
    lastStatusCode: 500,
    lastError: "HTTP 500",
    completedAt: null,
    now: NOW + 2,
    policy: '{"maxAttempts":3}',
    attempt: { id: newId(), number: 1, startedAt: NOW + 1, durationMs: 1, statusCode: 500, error: null, responseBody: "no", outcome: "RETRY", delayMs: 5_000, requestHeaders: null, responseHeaders: null },
    deadLetter: null,
    settlesLetterId: null,
    health: { kind: "failing", endpointId: "" },
  };
}

describe.each(testProviders())("the hot-path statements on %s", (provider) => {
  const t = useTestDatabase(provider);
  let sourceId: string;
  let wanted: string;

  beforeEach(async () => {
    const source = await t.db.prisma.inboundSource.create({ data: { name: `hp-${newId()}` } });
    sourceId = source.id;
    wanted = (await t.db.prisma.endpoint.create({ data: { url: "http://127.0.0.1:9/a", secret: SECRET, eventTypes: '["order.*"]' } })).id;
    await t.db.prisma.endpoint.create({ data: { url: "http://127.0.0.1:9/b", secret: SECRET, eventTypes: '["invoice.*"]' } });
  });

  it("stores an event with its answer, its message and its deliveries in one go; a duplicate is counted and gets that answer", async () => {
    const sql = hotPathFor(t.db);
    const first = acceptInput(sourceId, "evt_1");
    expect(await sql.accept(first)).toEqual({ kind: "accepted" });
    const event = await t.db.prisma.inboundEvent.findUniqueOrThrow({ where: { id: first.eventId } });
    expect(event).toMatchObject({ status: "processed", resultStatus: 200, resultBody: '{"deliveries":1}', messageId: first.messageId, runs: 1, duplicateCount: 0 });
    expect(event.expiresAt.getTime()).toBe(first.expiresAt);
    const deliveries = await t.db.prisma.delivery.findMany({ where: { messageId: first.messageId } });
    expect(deliveries.map((d) => [d.endpointId, d.status, d.nextAttemptAt.getTime()])).toEqual([[wanted, "pending", NOW]]);
    expect(await t.db.prisma.message.findUniqueOrThrow({ where: { id: first.messageId } })).toMatchObject({ idempotencyKey: `inbound:${first.eventId}` });

    const again = await sql.accept(acceptInput(sourceId, "evt_1", { providerAttempt: 2 }));
    expect(again).toEqual({ kind: "replay", answer: { id: first.eventId, resultStatus: 200, resultBody: '{"deliveries":1}', expiresAt: first.expiresAt } });
    expect(await t.db.prisma.inboundEvent.findUniqueOrThrow({ where: { id: first.eventId } })).toMatchObject({ duplicateCount: 1, providerAttempt: 2 });
    expect(await t.db.prisma.message.count({ where: { inboundEvents: { some: { sourceId } } } })).toBe(1);
  });

  it("leaves a key held by a failed or expired record to the general path, writing nothing", async () => {
    const sql = hotPathFor(t.db);
    await t.db.prisma.inboundEvent.create({ data: { sourceId, idempotencyKey: "evt_failed", keySource: "body.id", payload: "{}", status: "failed", expiresAt: new Date(NOW + 60_000) } });
    await t.db.prisma.inboundEvent.create({ data: { sourceId, idempotencyKey: "evt_old", keySource: "body.id", payload: "{}", status: "processed", expiresAt: new Date(NOW - 1) } });
    const messages = await t.db.prisma.message.count();
    expect(await sql.accept(acceptInput(sourceId, "evt_failed"))).toEqual({ kind: "exists" });
    expect(await sql.accept(acceptInput(sourceId, "evt_old"))).toEqual({ kind: "exists" });
    expect(await t.db.prisma.message.count()).toBe(messages);
    expect(await t.db.prisma.inboundEvent.findMany({ where: { sourceId }, select: { duplicateCount: true } })).toEqual([{ duplicateCount: 0 }, { duplicateCount: 0 }]);
  });

  it("routes each event by the endpoints as they are when it is stored, changed through another connection in between", async () => {
    const sql = hotPathFor(t.db);
    const other = await connect(t.url);
    const mine = [wanted];
    // Earlier tests' endpoints take these events too; only this test's are looked at.
    const routed = async (key: string) => {
      const input = acceptInput(sourceId, key);
      expect(await sql.accept(input)).toEqual({ kind: "accepted" });
      const deliveries = await t.db.prisma.delivery.findMany({ where: { messageId: input.messageId, endpointId: { in: mine } }, orderBy: { endpointId: "asc" } });
      return deliveries.map((d) => [d.endpointId, d.status]);
    };
    try {
      expect(await routed("route_1")).toEqual([[wanted, "pending"]]);
      const added = (await other.prisma.endpoint.create({ data: { url: "http://127.0.0.1:9/c", secret: SECRET, eventTypes: '["order.paid"]' } })).id;
      mine.push(added);
      expect(await routed("route_2")).toEqual([[wanted, "pending"], [added, "pending"]].sort());
      await other.prisma.endpoint.update({ where: { id: wanted }, data: { enabled: false } });
      expect(await routed("route_3")).toEqual([[wanted, "held"], [added, "pending"]].sort());
      await other.prisma.endpoint.update({ where: { id: added }, data: { eventTypes: '["invoice.*"]' } });
      expect(await routed("route_4")).toEqual([[wanted, "held"]]);
      await other.prisma.endpoint.delete({ where: { id: wanted } });
      expect(await routed("route_5")).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("records a batch of attempts in one commit, each fenced on its lease: a lost lease writes nothing and only its caller hears", async () => {
    const sql = hotPathFor(t.db);
    for (const key of ["a", "b", "c"]) await sql.accept(acceptInput(sourceId, `batch_${key}`));
    const held = [await claimOne(t.db, "w1"), await claimOne(t.db, "w1"), await claimOne(t.db, "w1")];
    // Another worker took the middle one over after its lease ran out.
    await t.db.prisma.delivery.update({ where: { id: held[1].id }, data: { leaseOwner: "w2" } });
    const recorder = new AttemptRecorder(sql);
    const results = await Promise.allSettled(held.map((d) => recorder.record({ ...retryWrite(d.id, "w1"), health: { kind: "failing", endpointId: wanted } })));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLostError);
    const rows = await t.db.prisma.delivery.findMany({ where: { id: { in: held.map((d) => d.id) } }, include: { attempts: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const d of [held[0], held[2]]) {
      expect(byId.get(d.id)).toMatchObject({ status: "pending", attemptCount: 1, leaseOwner: null, lastStatusCode: 500 });
      expect(byId.get(d.id)!.nextAttemptAt.getTime()).toBe(NOW + 5_000);
      expect(byId.get(d.id)!.attempts).toHaveLength(1);
    }
    expect(byId.get(held[1].id)).toMatchObject({ status: "in_flight", leaseOwner: "w2", attemptCount: 0, attempts: [] });
    expect((await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: wanted } })).failingSince?.getTime()).toBe(NOW + 2);
  });

  it("applies one batch's changes to an endpoint's health in the order the attempts finished, skipping those whose lease was lost", async () => {
    const sql = hotPathFor(t.db);
    for (const key of ["a", "b", "c", "d"]) await sql.accept(acceptInput(sourceId, `health_${key}`));
    const held = [await claimOne(t.db, "w1"), await claimOne(t.db, "w1"), await claimOne(t.db, "w1"), await claimOne(t.db, "w1")];
    await t.db.prisma.delivery.updateMany({ where: { id: { in: [held[1].id, held[3].id] } }, data: { leaseOwner: "w2" } });
    await t.db.prisma.endpoint.update({ where: { id: wanted }, data: { failingSince: new Date(NOW - 60_000) } });
    const at = (k: number, w: AttemptWrite): AttemptWrite => ({ ...w, now: NOW + 10 * k });
    const results = await sql.recordAttempts([
      at(1, { ...retryWrite(held[0].id, "w1"), health: { kind: "recovered", endpointId: wanted } }),
      at(2, { ...retryWrite(held[1].id, "w1"), health: { kind: "failing", endpointId: wanted } }),
      at(3, { ...retryWrite(held[2].id, "w1"), health: { kind: "failing", endpointId: wanted } }),
      at(4, { ...retryWrite(held[3].id, "w1"), health: { kind: "disable", endpointId: wanted, reason: "lost" } }),
    ]);
    expect(results).toEqual([true, false, true, false]);
    const endpoint = await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: wanted } });
    // Recovered at +10, failing again from +30; the failure at +20 and the disable at +40 held no lease.
    expect(endpoint.failingSince?.getTime()).toBe(NOW + 30);
    expect(endpoint).toMatchObject({ enabled: true, disabledReason: null });
  });
});
