import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import { addInboundDeadLetter } from "@/lib/dlq/add-dead-letter";
import { BulkJobRunner } from "@/lib/dlq/bulk-job-runner";
import { createReprocessJob, reprocessJobRequestSchema, type CreatedJob } from "@/lib/dlq/create-reprocess-job";
import { getBulkJob } from "@/lib/dlq/get-bulk-job";
import { reprocessDeadLetter, type ReprocessResult } from "@/lib/dlq/reprocess-dead-letter";
import { EXPIRED_SOURCE } from "@/lib/dlq/reprocess-inbound-letter";
import { HandlerRegistry, RetryableError, SkipEventError, UnrecoverableError, type InboundEventView } from "@/lib/inbound/handlers";
import { TestReceiver, waitFor } from "../../support/receiver";
import { testProviders, useTestDatabase } from "../../support/databases";
import { bodyOf, closeAppDatabase, freshApp, idContext, makeEndpoint, request, startWorker } from "./support";

let seq = 0;

/** An inbound event the processor refused, as the receive path leaves it: the record and its letter. */
async function inboundLetter(db: Db, eventType: string, body: object): Promise<{ letterId: string; eventId: string }> {
  const source = await db.prisma.inboundSource.findFirstOrThrow({ where: { name: "default" } });
  const payload = JSON.stringify(body);
  const event = await db.prisma.inboundEvent.create({
    data: { sourceId: source.id, idempotencyKey: `evt-${++seq}`, keySource: "body_id", eventType, payload, status: "skipped", expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const letterId = await addInboundDeadLetter(db.prisma, { inboundEventId: event.id, eventType, payload, reason: "unrecoverable", errorDetails: "account 42 is unknown" });
  return { letterId, eventId: event.id };
}

function outcomeOf(result: ReprocessResult) {
  expect(result.kind).toBe("inbound");
  return result.kind === "inbound" ? result.outcome : null;
}

describe.each(testProviders())("inbound dead letters on %s", (provider) => {
  const t = useTestDatabase(provider);
  afterAll(() => closeAppDatabase(t.url));
  const receiver = new TestReceiver();
  let worker: DeliveryWorker;
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    await receiver.start();
    worker = startWorker(t.db);
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await receiver.stop();
  });
  afterEach(() => {
    cleanups.splice(0).forEach((c) => c());
    receiver.requests.length = 0;
  });

  it("runs the inbound processing again: a new failure returns it to pending with the new reason, a success fans out and marks it reprocessed", async () => {
    receiver.respondWith(() => ({ status: 200 }));
    const ep = await makeEndpoint(t.db, receiver.url);
    const { letterId, eventId } = await inboundLetter(t.db, ep.eventType, { id: "evt_1", account: 42 });
    const registry = new HandlerRegistry();
    const seen: InboundEventView[] = [];
    const answers: (() => void)[] = [
      () => {
        throw new SkipEventError("account 42 is archived");
      },
      () => {
        throw new UnrecoverableError("account 42 is still unknown");
      },
      () => undefined,
    ];
    registry.register(ep.eventType, async (event) => {
      seen.push(event);
      answers[seen.length - 1]();
    });
    const options = { enableEndpoint: false, inbound: { registry, budgetMs: 5_000 } };

    expect(outcomeOf(await reprocessDeadLetter(t.db, letterId, options))).toEqual({ kind: "skipped", reason: "account 42 is archived" });
    expect(await t.db.prisma.deadLetter.findUniqueOrThrow({ where: { id: letterId } })).toMatchObject({
      status: "pending",
      reason: "payload_error",
      errorDetails: "account 42 is archived",
      attempts: 2,
      reprocessCount: 1,
    });

    const second = await reprocessDeadLetter(t.db, letterId, options);
    expect(outcomeOf(second)).toEqual({ kind: "unrecoverable", reason: "account 42 is still unknown" });
    expect(second.deadLetter).toMatchObject({ status: "pending", reason: "unrecoverable", errorDetails: "account 42 is still unknown", attempts: 3, reprocessCount: 2 });

    const third = await reprocessDeadLetter(t.db, letterId, options);
    const outcome = outcomeOf(third);
    expect(outcome).toMatchObject({ kind: "processed", deliveries: 1 });
    expect(third.deadLetter).toMatchObject({ status: "reprocessed", reprocessCount: 3, kind: "inbound" });
    expect(third.deadLetter.reprocessedAt).not.toBeNull();

    // Handlers saw the stored event, one run later each time.
    expect(seen.map((e) => [e.id, e.source, e.eventType, e.run])).toEqual([
      [eventId, "default", ep.eventType, 2],
      [eventId, "default", ep.eventType, 3],
      [eventId, "default", ep.eventType, 4],
    ]);
    expect(seen[0].payload).toEqual({ id: "evt_1", account: 42 });

    const messageId = outcome && outcome.kind === "processed" ? outcome.messageId : "";
    expect(await t.db.prisma.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ idempotencyKey: `inbound:${eventId}`, payload: JSON.stringify({ id: "evt_1", account: 42 }) });
    expect((await t.db.prisma.inboundEvent.findUniqueOrThrow({ where: { id: eventId } })).messageId).toBe(messageId);
    const sent = await waitFor(() => receiver.requests.find((r) => r.headers["x-hookrelay-event-type"] === ep.eventType));
    expect(sent.headers["webhook-id"]).toBe(messageId);

    const again = await reprocessDeadLetter(t.db, letterId, options).catch((e: Error) => e);
    expect(again).toMatchObject({ status: 409, details: { reason: "not_pending", status: "reprocessed" } });
    expect(seen).toHaveLength(3);
  });

  it("a transient failure keeps the reason and says it may succeed if tried again", async () => {
    const { letterId } = await inboundLetter(t.db, "invoice.created", { id: "evt_2" });
    const registry = new HandlerRegistry();
    registry.register("invoice.created", async () => {
      throw new RetryableError("ledger is locked");
    });
    const result = await reprocessDeadLetter(t.db, letterId, { enableEndpoint: false, inbound: { registry, budgetMs: 5_000 } });
    expect(outcomeOf(result)).toEqual({ kind: "retry", reason: "ledger is locked" });
    expect(result.deadLetter).toMatchObject({ status: "pending", reason: "unrecoverable", errorDetails: "Reprocessing failed and may succeed if tried again: ledger is locked", attempts: 2 });
  });

  it("reprocesses from the letter's own copy once the inbound record has expired and gone", async () => {
    const { letterId, eventId } = await inboundLetter(t.db, "refund.created", { id: "evt_3" });
    await t.db.prisma.inboundEvent.delete({ where: { id: eventId } });
    const registry = new HandlerRegistry();
    const seen: InboundEventView[] = [];
    registry.register("refund.created", async (e) => {
      seen.push(e);
    });
    const result = await reprocessDeadLetter(t.db, letterId, { enableEndpoint: false, inbound: { registry, budgetMs: 5_000 } });
    expect(outcomeOf(result)).toMatchObject({ kind: "processed", deliveries: 0 });
    expect(result.deadLetter).toMatchObject({ status: "reprocessed", inboundEventId: null });
    expect(seen.map((e) => [e.id, e.source, e.rawBody])).toEqual([[letterId, EXPIRED_SOURCE, JSON.stringify({ id: "evt_3" })]]);
  });

  it("the route runs the process's registered handlers and answers 200 with how it ended", async () => {
    const { letterId } = await inboundLetter(t.db, "payout.paid", { id: "evt_4" });
    const cleanup = await freshApp(t.url);
    try {
      // The route's module graph is fresh: register on its registry, not on this file's.
      const { inboundHandlers } = await import("@/lib/inbound/handlers");
      cleanups.push(inboundHandlers.register("payout.paid", async () => undefined));
      const { POST } = await import("@/app/api/dlq/[id]/reprocess/route");
      const res = await POST(request("POST", `/api/dlq/${letterId}/reprocess`), idContext(letterId));
      expect(res.status).toBe(200);
      expect(await bodyOf(res)).toMatchObject({ kind: "inbound", outcome: { kind: "processed" }, deadLetter: { id: letterId, status: "reprocessed" } });
    } finally {
      await cleanup();
    }
  });

  it("a bulk job reprocesses inbound letters through the same path", async () => {
    const letters = [];
    for (let i = 0; i < 3; i++) letters.push((await inboundLetter(t.db, "bulk.inbound", { id: `evt_b${i}` })).letterId);
    const registry = new HandlerRegistry();
    let calls = 0;
    registry.register("bulk.inbound", async () => {
      // The second one fails again and goes back to pending.
      if (++calls === 2) throw new UnrecoverableError("still broken");
    });
    const created = await createReprocessJob(t.db, reprocessJobRequestSchema.parse({ filter: { kind: "inbound", eventType: "bulk.inbound" }, ratePerSecond: 100 }), "operator:test@example.com");
    const { job } = created as CreatedJob;
    expect(job.total).toBe(3);
    const runner = new BulkJobRunner({ getDb: async () => t.db, pollMs: 50, syncMs: 100, inbound: { registry, budgetMs: 5_000 } });
    runner.start();
    try {
      const done = await waitFor(async () => {
        const j = await getBulkJob(t.db, job.id);
        return j.finishedAt ? j : null;
      });
      expect(done).toMatchObject({ status: "completed", processed: 3, succeeded: 2, failed: 1 });
    } finally {
      await runner.stop();
    }
    const states = await t.db.prisma.deadLetter.findMany({ where: { id: { in: letters } } });
    expect(states.filter((s) => s.status === "reprocessed")).toHaveLength(2);
    expect(states.filter((s) => s.status === "pending").map((s) => [s.reason, s.errorDetails, s.reprocessCount])).toEqual([["unrecoverable", "still broken", 1]]);
  });
});
