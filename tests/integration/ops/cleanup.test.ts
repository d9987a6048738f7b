import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { runCleanup, startCleanup } from "@/lib/ops/cleanup";
import { waitFor } from "../../support/receiver";
import { testProviders, useTestDatabase } from "../../support/databases";

const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 3600_000);
const RETENTION = { attemptsDays: 30, deliveriesDays: 30 };

async function clear(db: Db): Promise<void> {
  await db.prisma.deadLetter.deleteMany();
  await db.prisma.deliveryAttempt.deleteMany();
  await db.prisma.delivery.deleteMany();
  await db.prisma.inboundEvent.deleteMany();
  await db.prisma.message.deleteMany();
  await db.prisma.endpoint.deleteMany();
  await db.prisma.operatorSession.deleteMany();
  await db.prisma.operator.deleteMany();
}

describe.each(testProviders())("retention cleanup on %s", (provider) => {
  const t = useTestDatabase(provider);
  let endpointId = "";

  beforeEach(async () => {
    await clear(t.db);
    endpointId = (await t.db.prisma.endpoint.create({ data: { url: "https://example.com/hook", secret: "whsec_x" } })).id;
  });

  async function delivery(status: string, at: Date, opts: { attempts?: Date[]; completed?: boolean } = {}) {
    const message = await t.db.prisma.message.create({ data: { eventType: "t", payload: "{}", createdAt: at } });
    const finished = ["succeeded", "failed", "dead"].includes(status);
    const d = await t.db.prisma.delivery.create({
      data: { messageId: message.id, endpointId, status, createdAt: at, nextAttemptAt: at, completedAt: finished && opts.completed !== false ? at : null, attemptCount: opts.attempts?.length ?? 0 },
    });
    for (const [i, startedAt] of (opts.attempts ?? [at]).entries()) {
      await t.db.prisma.deliveryAttempt.create({ data: { deliveryId: d.id, number: i + 1, startedAt, durationMs: 10, outcome: status === "succeeded" ? "SUCCESS" : "RETRY" } });
    }
    return { id: d.id, messageId: message.id };
  }

  const exists = async (id: string) => (await t.db.prisma.delivery.count({ where: { id } })) === 1;
  const attemptsOf = (id: string) => t.db.prisma.deliveryAttempt.count({ where: { deliveryId: id } });

  it("removes finished deliveries past retention with their attempts and messages, and keeps pending and in-flight work", async () => {
    const oldSucceeded = await delivery("succeeded", daysAgo(40));
    const oldFailed = await delivery("failed", daysAgo(45));
    const recentSucceeded = await delivery("succeeded", daysAgo(5));
    const oldPending = await delivery("pending", daysAgo(60), { attempts: [daysAgo(60), daysAgo(50)] });
    const oldInFlight = await delivery("in_flight", daysAgo(60), { attempts: [daysAgo(59)] });

    const removed = await runCleanup(t.db, RETENTION, NOW);
    expect(removed).toMatchObject({ deliveries: 2, messages: 2 });

    expect(await exists(oldSucceeded.id)).toBe(false);
    expect(await exists(oldFailed.id)).toBe(false);
    expect(await t.db.prisma.message.count({ where: { id: { in: [oldSucceeded.messageId, oldFailed.messageId] } } })).toBe(0);
    expect(await exists(recentSucceeded.id)).toBe(true);
    expect(await attemptsOf(recentSucceeded.id)).toBe(1);
    expect(await exists(oldPending.id)).toBe(true);
    expect(await attemptsOf(oldPending.id)).toBe(2);
    expect(await exists(oldInFlight.id)).toBe(true);
    expect(await attemptsOf(oldInFlight.id)).toBe(1);
    expect(await t.db.prisma.message.count({ where: { id: { in: [oldPending.messageId, oldInFlight.messageId, recentSucceeded.messageId] } } })).toBe(3);
  });

  it("prunes old attempts of a finished delivery kept for longer, and never those of pending work", async () => {
    const longKept = await delivery("succeeded", daysAgo(10), { attempts: [daysAgo(12), daysAgo(11), daysAgo(10)] });
    const pending = await delivery("pending", daysAgo(12), { attempts: [daysAgo(12), daysAgo(11)] });
    const removed = await runCleanup(t.db, { attemptsDays: 11, deliveriesDays: 90 }, NOW);
    expect(removed.attempts).toBe(1);
    expect(await attemptsOf(longKept.id)).toBe(2);
    expect(await attemptsOf(pending.id)).toBe(2);
  });

  it("keeps a dead delivery (and its timeline) while its dead letter waits for an operator, and lets it go once discarded", async () => {
    const dead = await delivery("dead", daysAgo(90), { attempts: [daysAgo(91), daysAgo(90)] });
    const letter = await t.db.prisma.deadLetter.create({ data: { deliveryId: dead.id, endpointId, payload: "{}", reason: "max_retries", failedAt: daysAgo(90) } });

    expect(await runCleanup(t.db, RETENTION, NOW)).toMatchObject({ deliveries: 0, attempts: 0 });
    expect(await attemptsOf(dead.id)).toBe(2);

    await t.db.prisma.deadLetter.update({ where: { id: letter.id }, data: { status: "reprocessing" } });
    expect(await runCleanup(t.db, RETENTION, NOW)).toMatchObject({ deliveries: 0, attempts: 0 });

    await t.db.prisma.deadLetter.update({ where: { id: letter.id }, data: { status: "discarded" } });
    expect(await runCleanup(t.db, RETENTION, NOW)).toMatchObject({ deliveries: 1, attempts: 2 });
    expect(await t.db.prisma.deadLetter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ deliveryId: null, payload: "{}" });
  });

  it("removes expired idempotency records and keeps unexpired ones, whatever their age", async () => {
    const source = await t.db.prisma.inboundSource.findFirstOrThrow();
    const record = (key: string, receivedAt: Date, expiresAt: Date) =>
      t.db.prisma.inboundEvent.create({ data: { sourceId: source.id, idempotencyKey: key, keySource: "body", payload: "{}", status: "processed", receivedAt, expiresAt } });
    await record("expired", daysAgo(2), daysAgo(1));
    await record("expires-now", daysAgo(1), NOW);
    await record("old-but-unexpired", daysAgo(400), new Date(NOW.getTime() + 1000));
    await record("fresh", NOW, new Date(NOW.getTime() + 86_400_000));

    expect((await runCleanup(t.db, RETENTION, NOW)).inboundEvents).toBe(2);
    const left = await t.db.prisma.inboundEvent.findMany({ select: { idempotencyKey: true }, orderBy: { idempotencyKey: "asc" } });
    expect(left.map((r) => r.idempotencyKey)).toEqual(["fresh", "old-but-unexpired"]);
  });

  it("the periodic sweep the server starts removes expired records and leaves pending work alone", async () => {
    const source = await t.db.prisma.inboundSource.findFirstOrThrow();
    await t.db.prisma.inboundEvent.create({ data: { sourceId: source.id, idempotencyKey: "gone", keySource: "body", payload: "{}", status: "processed", expiresAt: new Date(Date.now() - 1_000) } });
    await t.db.prisma.inboundEvent.create({ data: { sourceId: source.id, idempotencyKey: "kept", keySource: "body", payload: "{}", status: "processed", expiresAt: new Date(Date.now() + 3_600_000) } });
    const pending = await delivery("pending", daysAgo(400));
    const stop = startCleanup(async () => t.db, 20);
    try {
      await waitFor(async () => (await t.db.prisma.inboundEvent.count()) === 1);
    } finally {
      stop();
    }
    expect((await t.db.prisma.inboundEvent.findFirstOrThrow()).idempotencyKey).toBe("kept");
    expect(await exists(pending.id)).toBe(true);
  });

  it("removes expired sessions and keeps live ones", async () => {
    const operator = await t.db.prisma.operator.create({ data: { email: "a@example.com", passwordHash: "x" } });
    await t.db.prisma.operatorSession.create({ data: { operatorId: operator.id, tokenHash: "expired", expiresAt: daysAgo(1) } });
    await t.db.prisma.operatorSession.create({ data: { operatorId: operator.id, tokenHash: "live", expiresAt: new Date(NOW.getTime() + 3600_000) } });
    expect((await runCleanup(t.db, RETENTION, NOW)).sessions).toBe(1);
    expect((await t.db.prisma.operatorSession.findMany()).map((s) => s.tokenHash)).toEqual(["live"]);
  });

  it("forgets operator actions' answers once their Idempotency-Key window has passed", async () => {
    const window = 24 * 3600_000;
    await t.db.prisma.operatorAction.create({ data: { id: "replay:old", requestHash: "x", status: 202, body: "{}", createdAt: new Date(NOW.getTime() - window - 1) } });
    await t.db.prisma.operatorAction.create({ data: { id: "replay:new", requestHash: "x", status: 202, body: "{}", createdAt: new Date(NOW.getTime() - window + 60_000) } });
    expect((await runCleanup(t.db, RETENTION, NOW)).operatorActions).toBe(1);
    expect((await t.db.prisma.operatorAction.findMany()).map((a) => a.id)).toEqual(["replay:new"]);
  });

  it("deletes in batches past the batch size", async () => {
    for (let i = 0; i < 12; i++) await delivery("succeeded", daysAgo(40));
    const message = await t.db.prisma.message.findFirstOrThrow();
    const d = await t.db.prisma.delivery.findFirstOrThrow({ where: { messageId: message.id } });
    const rows = Array.from({ length: 1_100 }, (_, i) => ({ deliveryId: d.id, number: i + 2, startedAt: daysAgo(40), durationMs: 1, outcome: "RETRY" }));
    await t.db.prisma.deliveryAttempt.createMany({ data: rows });
    const removed = await runCleanup(t.db, RETENTION, NOW);
    expect(removed.attempts).toBe(1_112);
    expect(removed.deliveries).toBe(12);
    expect(await t.db.prisma.deliveryAttempt.count()).toBe(0);
  });
});
