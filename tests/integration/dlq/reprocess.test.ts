import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import { discardDeadLetter } from "@/lib/dlq/discard-dead-letter";
import { getDeadLetter } from "@/lib/dlq/get-dead-letter";
import { reprocessDeadLetter, type ReprocessOptions } from "@/lib/dlq/reprocess-dead-letter";
import { replayDelivery } from "@/lib/dlq/replay-delivery";
import { HandlerRegistry } from "@/lib/inbound/handlers";
import { AppError } from "@/lib/errors/app-error";
import { TestReceiver, waitFor } from "../../support/receiver";
import { testProviders, useTestDatabase } from "../../support/databases";
import { auditOf, bodyOf, closeAppDatabase, deadLettersFor, freshApp, idContext, letterInState, makeEndpoint, request, sendTo, startWorker, OPERATOR, type ErrorJson } from "./support";

const OPTIONS: ReprocessOptions = { enableEndpoint: false, inbound: { registry: new HandlerRegistry(), budgetMs: 5_000 } };

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe.each(testProviders())("reprocess, discard and replay on %s", (provider) => {
  const t = useTestDatabase(provider);
  afterAll(() => closeAppDatabase(t.url));
  const receiver = new TestReceiver();
  let worker: DeliveryWorker;

  beforeAll(async () => {
    await receiver.start();
    worker = startWorker(t.db);
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await receiver.stop();
  });
  /** Each test's endpoint has an event type of its own: its requests, whatever else is still arriving. */
  const sentTo = (ep: { eventType: string }) => receiver.requests.filter((r) => r.headers["x-hookrelay-event-type"] === ep.eventType);

  beforeEach(() => {
    receiver.respondWith(() => ({ status: 500, body: "down" }));
    receiver.requests.length = 0;
  });

  it("one click delivers the letter and marks it reprocessed; a second click is a 409 and sends nothing", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const [letter] = await deadLettersFor(t.db, ep, 1, () => ({ order: 7 }));
    expect(letter).toMatchObject({ status: "pending", reason: "max_retries", attempts: 1, reprocessCount: 0 });
    const original = await t.db.prisma.delivery.findUniqueOrThrow({ where: { id: letter.deliveryId! } });
    receiver.respondWith(() => ({ status: 200 }));
    receiver.requests.length = 0;

    const cleanup = await freshApp(t.url);
    try {
      const { POST } = await import("@/app/api/dlq/[id]/reprocess/route");
      const res = await POST(request("POST", `/api/dlq/${letter.id}/reprocess`), idContext(letter.id));
      expect(res.status).toBe(202);
      const body = await bodyOf<{ kind: string; deliveryId: string; deadLetter: { id: string; status: string; reprocessCount: number } }>(res);
      expect(body).toMatchObject({ kind: "delivery", deadLetter: { id: letter.id, status: "reprocessing", reprocessCount: 1 } });

      const done = await letterInState(t.db, letter.id, "reprocessed");
      expect(done.reprocessedAt).not.toBeNull();
      expect(done.lastDeliveryId).toBe(body.deliveryId);
      const resent = await t.db.prisma.delivery.findUniqueOrThrow({ where: { id: body.deliveryId } });
      expect(resent).toMatchObject({ status: "succeeded", deadLetterId: letter.id, messageId: original.messageId, endpointId: ep.id });
      expect(sentTo(ep)).toHaveLength(1);
      expect(sentTo(ep)[0].headers["x-hookrelay-delivery-id"]).toBe(body.deliveryId);
      // The same message: the receiver can tell this is the event it failed to take before.
      expect(sentTo(ep)[0].headers["webhook-id"]).toBe(original.messageId);
      expect(JSON.parse(sentTo(ep)[0].body)).toEqual({ order: 7 });

      const again = await POST(request("POST", `/api/dlq/${letter.id}/reprocess`), idContext(letter.id));
      expect(again.status).toBe(409);
      const err = await bodyOf<ErrorJson>(again);
      expect(err.error.code).toBe("conflict");
      expect(err.error.message).toMatch(/already reprocessed/);
      expect(err.error.details).toEqual({ reason: "not_pending", status: "reprocessed" });

      const unknown = await POST(request("POST", "/api/dlq/nope/reprocess"), idContext("nope"));
      expect(unknown.status).toBe(404);
    } finally {
      await cleanup();
    }
    // A message queued after the refused click is delivered: a send that click had queued would have gone by now.
    const marker = await sendTo(t.db, ep, { after: "the refused click" });
    const isMarker = (r: (typeof receiver.requests)[number]) => r.headers["x-hookrelay-delivery-id"] === marker.deliveryId;
    await waitFor(() => sentTo(ep).some(isMarker), 20_000);
    expect(await t.db.prisma.delivery.count({ where: { deadLetterId: letter.id } })).toBe(2);
    // One note for the click that did something; the refused one changed nothing.
    const resent = await t.db.prisma.delivery.findFirstOrThrow({ where: { deadLetterId: letter.id, id: { not: letter.deliveryId! } } });
    expect(await auditOf(t.db, letter.id)).toEqual([{ actor: OPERATOR, action: "dead_letter.reprocess", details: { deliveryId: resent.id, enableEndpoint: false } }]);
    expect(sentTo(ep).filter((r) => !isMarker(r))).toHaveLength(1);
  });

  it("two clicks at the same moment start one delivery; the other is told the letter is already reprocessing", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const [letter] = await deadLettersFor(t.db, ep, 1);
    receiver.respondWith(() => ({ status: 200, delayMs: 300 }));
    const results = await Promise.allSettled([reprocessDeadLetter(t.db, letter.id, OPTIONS), reprocessDeadLetter(t.db, letter.id, OPTIONS)]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(AppError);
    expect((rejected[0].reason as AppError).status).toBe(409);
    expect((rejected[0].reason as AppError).details).toEqual({ reason: "not_pending", status: "reprocessing" });
    expect((rejected[0].reason as AppError).message).toMatch(/already being reprocessed/);
    await letterInState(t.db, letter.id, "reprocessed");
    expect(await t.db.prisma.delivery.count({ where: { deadLetterId: letter.id, id: { not: letter.deliveryId! } } })).toBe(1);
    expect((await t.db.prisma.deadLetter.findUniqueOrThrow({ where: { id: letter.id } })).reprocessCount).toBe(1);
  });

  it("a reprocess that fails again returns the letter to pending with both failures in its history", async () => {
    const ep = await makeEndpoint(t.db, receiver.url, { maxAttempts: 2 });
    const [letter] = await deadLettersFor(t.db, ep, 1);
    expect(letter).toMatchObject({ reason: "max_retries", attempts: 2 });
    expect(letter.errorDetails).toMatch(/2 attempts.*500/);

    receiver.respondWith(() => ({ status: 422, body: "unknown customer" }));
    const started = await reprocessDeadLetter(t.db, letter.id, OPTIONS);
    expect(started.kind).toBe("delivery");
    const retry = started.kind === "delivery" ? started.deliveryId : "";
    await waitFor(async () => (await t.db.prisma.delivery.findUnique({ where: { id: retry } }))?.status === "dead");
    const failedAgain = await letterInState(t.db, letter.id, "pending");
    expect(failedAgain).toMatchObject({ reason: "payload_error", attempts: 3, reprocessCount: 1, lastDeliveryId: retry, reprocessedAt: null });
    expect(failedAgain.errorDetails).toMatch(/422/);
    expect(failedAgain.failedAt.getTime()).toBeGreaterThan(letter.failedAt.getTime());
    // Still one letter: the second failure updated it rather than adding another.
    expect(await t.db.prisma.deadLetter.count({ where: { endpointId: ep.id } })).toBe(1);

    const detail = await getDeadLetter(t.db, letter.id);
    expect(detail.history.map((a) => [a.deliveryId, a.number, a.statusCode, a.outcome])).toEqual([
      [letter.deliveryId, 1, 500, "RETRY"],
      [letter.deliveryId, 2, 500, "DEAD"],
      [retry, 1, 422, "DEAD"],
    ]);
    expect(detail.history[2].responseBody).toBe("unknown customer");
    expect(detail.deliveries.map((d) => [d.id, d.role, d.status])).toEqual([
      [letter.deliveryId, "original", "dead"],
      [retry, "reprocess", "dead"],
    ]);

    // Pending again, so it can be tried once more.
    receiver.respondWith(() => ({ status: 200 }));
    await reprocessDeadLetter(t.db, letter.id, OPTIONS);
    const done = await letterInState(t.db, letter.id, "reprocessed");
    expect(done.reprocessCount).toBe(2);
    expect((await getDeadLetter(t.db, letter.id)).history.map((a) => a.outcome)).toEqual(["RETRY", "DEAD", "DEAD", "SUCCESS"]);
  });

  it("a disabled endpoint is a 409 until the request asks to re-enable it", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const [letter] = await deadLettersFor(t.db, ep, 1);
    await t.db.prisma.endpoint.update({ where: { id: ep.id }, data: { enabled: false, disabledReason: "Disabled by an operator", disabledAt: new Date(), failingSince: new Date() } });
    receiver.respondWith(() => ({ status: 200 }));

    const err = await rejection(reprocessDeadLetter(t.db, letter.id, OPTIONS));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/is disabled \(Disabled by an operator\).*enableEndpoint/);
    expect(err.details).toEqual({ reason: "endpoint_disabled", endpoints: [{ id: ep.id, url: receiver.url, disabledReason: "Disabled by an operator" }] });
    // Nothing moved: the letter is still pending and no delivery was made.
    expect(await t.db.prisma.deadLetter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ status: "pending", reprocessCount: 0 });
    expect(await t.db.prisma.delivery.count({ where: { endpointId: ep.id } })).toBe(1);

    const cleanup = await freshApp(t.url);
    try {
      const { POST } = await import("@/app/api/dlq/[id]/reprocess/route");
      const refused = await POST(request("POST", `/api/dlq/${letter.id}/reprocess`, {}), idContext(letter.id));
      expect(refused.status).toBe(409);
      expect((await bodyOf<ErrorJson>(refused)).error.details?.reason).toBe("endpoint_disabled");
      const bad = await POST(request("POST", `/api/dlq/${letter.id}/reprocess`, { enableEndpoint: "yes" }), idContext(letter.id));
      expect(bad.status).toBe(400);
      const res = await POST(request("POST", `/api/dlq/${letter.id}/reprocess`, { enableEndpoint: true }), idContext(letter.id));
      expect(res.status).toBe(202);
    } finally {
      await cleanup();
    }
    expect(await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: ep.id } })).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
    await letterInState(t.db, letter.id, "reprocessed");
  });

  it("a letter whose endpoint was deleted is a 409 and can still be discarded, once", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const [letter] = await deadLettersFor(t.db, ep, 1);
    await t.db.prisma.endpoint.delete({ where: { id: ep.id } });
    const orphan = await t.db.prisma.deadLetter.findUniqueOrThrow({ where: { id: letter.id } });
    expect(orphan).toMatchObject({ endpointId: null, deliveryId: null, url: receiver.url, status: "pending" });

    const err = await rejection(reprocessDeadLetter(t.db, letter.id, OPTIONS));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/endpoint .* has been deleted/);
    expect(err.details).toEqual({ reason: "endpoint_deleted", url: receiver.url });
    expect((await t.db.prisma.deadLetter.findUniqueOrThrow({ where: { id: letter.id } })).status).toBe("pending");

    const cleanup = await freshApp(t.url);
    try {
      const { POST } = await import("@/app/api/dlq/[id]/discard/route");
      const res = await POST(request("POST", `/api/dlq/${letter.id}/discard`), idContext(letter.id));
      expect(res.status).toBe(200);
      expect(await bodyOf(res)).toMatchObject({ id: letter.id, status: "discarded", kind: "delivery" });
      const again = await POST(request("POST", `/api/dlq/${letter.id}/discard`), idContext(letter.id));
      expect(again.status).toBe(409);
      expect((await bodyOf<ErrorJson>(again)).error).toMatchObject({ code: "conflict", message: "This dead letter is discarded; only pending letters can be discarded" });
      expect((await POST(request("POST", "/api/dlq/nope/discard"), idContext("nope"))).status).toBe(404);
    } finally {
      await cleanup();
    }
    expect(await auditOf(t.db, letter.id)).toEqual([{ actor: OPERATOR, action: "dead_letter.discard", details: { reason: "max_retries" } }]);
    const reprocessDiscarded = await rejection(reprocessDeadLetter(t.db, letter.id, OPTIONS));
    expect(reprocessDiscarded.message).toMatch(/discarded/);
    // Kept for the record.
    expect(await t.db.prisma.deadLetter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ status: "discarded", payload: JSON.stringify({ i: 0 }) });
  });

  it("a reprocessed or reprocessing letter cannot be discarded", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const [letter] = await deadLettersFor(t.db, ep, 1);
    receiver.respondWith(() => ({ status: 200, delayMs: 400 }));
    await reprocessDeadLetter(t.db, letter.id, OPTIONS);
    const whileRunning = await rejection(discardDeadLetter(t.db, letter.id, "system"));
    expect(whileRunning.details).toEqual({ reason: "not_pending", status: "reprocessing" });
    await letterInState(t.db, letter.id, "reprocessed");
    expect((await rejection(discardDeadLetter(t.db, letter.id, "system"))).details).toEqual({ reason: "not_pending", status: "reprocessed" });
  });

  it("when the original message is gone, the letter's own payload is sent as a new message", async () => {
    const ep = await makeEndpoint(t.db, receiver.url);
    const [letter] = await deadLettersFor(t.db, ep, 1, () => ({ kept: "by the letter" }));
    const original = await t.db.prisma.delivery.findUniqueOrThrow({ where: { id: letter.deliveryId! } });
    await t.db.prisma.message.delete({ where: { id: original.messageId } });
    receiver.respondWith(() => ({ status: 200 }));
    receiver.requests.length = 0;
    await reprocessDeadLetter(t.db, letter.id, OPTIONS);
    await letterInState(t.db, letter.id, "reprocessed");
    expect(sentTo(ep)).toHaveLength(1);
    expect(sentTo(ep)[0].body).toBe(JSON.stringify({ kept: "by the letter" }));
    expect(sentTo(ep)[0].headers["webhook-id"]).not.toBe(original.messageId);
  });

  it("replays a delivery that succeeded, as a new delivery of the same message", async () => {
    receiver.respondWith(() => ({ status: 200 }));
    const ep = await makeEndpoint(t.db, receiver.url);
    const { deliveryId, messageId } = await sendTo(t.db, ep, { invoice: 12 });
    await waitFor(async () => (await t.db.prisma.delivery.findUnique({ where: { id: deliveryId } }))?.status === "succeeded");

    const cleanup = await freshApp(t.url);
    let replayId = "";
    try {
      const { POST } = await import("@/app/api/deliveries/[id]/replay/route");
      const res = await POST(request("POST", `/api/deliveries/${deliveryId}/replay`), idContext(deliveryId));
      expect(res.status).toBe(202);
      const body = await bodyOf<{ id: string; replayOfId: string; messageId: string; endpointId: string; status: string }>(res);
      expect(body).toMatchObject({ replayOfId: deliveryId, messageId, endpointId: ep.id, status: "pending" });
      replayId = body.id;
      const missing = await POST(request("POST", "/api/deliveries/nope/replay"), idContext("nope"));
      expect(missing.status).toBe(404);
      expect((await bodyOf<ErrorJson>(missing)).error).toEqual({ code: "not_found", message: "Delivery not found" });
    } finally {
      await cleanup();
    }
    await waitFor(async () => (await t.db.prisma.delivery.findUnique({ where: { id: replayId } }))?.status === "succeeded");
    expect(sentTo(ep)).toHaveLength(2);
    expect(sentTo(ep).map((r) => r.headers["webhook-id"])).toEqual([messageId, messageId]);
    expect(sentTo(ep).map((r) => r.headers["x-hookrelay-delivery-id"])).toEqual([deliveryId, replayId]);
    expect(sentTo(ep)[1].body).toBe(sentTo(ep)[0].body);
    expect(await auditOf(t.db, deliveryId)).toEqual([{ actor: OPERATOR, action: "delivery.replay", details: { replayId, enableEndpoint: false } }]);
    expect(await t.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "succeeded", attemptCount: 1 });
  });

  it("replaying to a disabled endpoint asks for it to be re-enabled, or re-enables it when asked", async () => {
    receiver.respondWith(() => ({ status: 200 }));
    const ep = await makeEndpoint(t.db, receiver.url);
    const { deliveryId } = await sendTo(t.db, ep, { n: 1 });
    await waitFor(async () => (await t.db.prisma.delivery.findUnique({ where: { id: deliveryId } }))?.status === "succeeded");
    await t.db.prisma.endpoint.update({ where: { id: ep.id }, data: { enabled: false, disabledReason: "The endpoint answered 410 Gone", disabledAt: new Date() } });

    const err = await rejection(replayDelivery(t.db, deliveryId, { enableEndpoint: false }, "system"));
    expect(err.status).toBe(409);
    expect(err.details).toMatchObject({ reason: "endpoint_disabled" });
    expect(await t.db.prisma.delivery.count({ where: { replayOfId: deliveryId } })).toBe(0);

    const replay = await replayDelivery(t.db, deliveryId, { enableEndpoint: true }, "system");
    expect((await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: ep.id } })).enabled).toBe(true);
    await waitFor(async () => (await t.db.prisma.delivery.findUnique({ where: { id: replay.id } }))?.status === "succeeded");
  });
});
