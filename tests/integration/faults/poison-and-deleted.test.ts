import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMessage } from "@/lib/delivery/create-message";
import { deleteEndpoint } from "@/lib/delivery/delete-endpoint";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import { testProviders, useTestDatabase } from "../../support/databases";
import { TestReceiver, waitFor } from "../../support/receiver";
import { createEndpoint, createPolicy, queueDeliveries, startWorker } from "./support";

describe.each(testProviders())("poison messages and deleted endpoints on %s", (provider) => {
  const t = useTestDatabase(provider);
  const good = new TestReceiver();
  const doomed = new TestReceiver();
  let worker: DeliveryWorker | undefined;

  beforeAll(async () => {
    await good.start();
    await doomed.start();
  });
  afterEach(async () => {
    await worker?.stop(1_000);
    worker = undefined;
    good.requests.length = 0;
    doomed.requests.length = 0;
  });
  afterAll(async () => {
    await good.stop();
    await doomed.stop();
  });

  it("an endpoint deleted while its deliveries are queued and in flight: the worker carries on with the others", { timeout: 60_000 }, async () => {
    const policy = await createPolicy(t.db, { timeoutMs: 2_000 });
    const keep = await createEndpoint(t.db, good.url, { policyId: policy.id });
    const gone = await createEndpoint(t.db, doomed.url, { policyId: policy.id });
    good.respondWith(() => ({ status: 200, delayMs: 10 }));
    doomed.respondWith(() => ({ status: 200, delayMs: 400 }));
    const goneIds = await queueDeliveries(t.db, gone.id, gone.eventType, 200);
    const keepIds = await queueDeliveries(t.db, keep.id, keep.eventType, 100);

    worker = startWorker(t.db, { concurrency: 8 });
    await waitFor(() => doomed.requests.length >= 4, 20_000);
    const leased = await t.db.prisma.delivery.count({ where: { endpointId: gone.id, status: "in_flight" } });
    expect(leased).toBeGreaterThan(0);
    await deleteEndpoint(t.db, gone.id, "system");

    await waitFor(async () => (await t.db.prisma.delivery.count({ where: { id: { in: keepIds }, status: "succeeded" } })) === keepIds.length, 40_000);
    expect(await t.db.prisma.delivery.count({ where: { id: { in: goneIds } } })).toBe(0);
    expect(await t.db.prisma.deliveryAttempt.count({ where: { deliveryId: { in: goneIds } } })).toBe(0);

    // Still working: a new message is delivered by the same worker, which has nothing stuck in flight.
    const m = await createMessage(t.db, { eventType: keep.eventType, payload: JSON.stringify({ after: true }) });
    await waitFor(async () => (await t.db.prisma.delivery.findUnique({ where: { id: m.deliveryIds[0] } }))?.status === "succeeded", 20_000);
    await waitFor(() => worker!.inFlight === 0, 5_000);
    // Far fewer than the 200 queued reached the deleted endpoint: those in flight at the deletion, no more.
    // Counted once the worker has delivered a message queued after the deletion with nothing left in
    // flight, so any send of a deleted delivery it was going to make has been made.
    expect(doomed.requests.length).toBeLessThan(40);
  });

  it("a message every attempt of which fails is retried and dead-lettered without holding up the others", { timeout: 60_000 }, async () => {
    const policy = await createPolicy(t.db, { maxAttempts: 4, initialDelayMs: 50, timeoutMs: 2_000 });
    const endpoint = await createEndpoint(t.db, good.url, { policyId: policy.id });
    good.respondWith((r) => (r.body.includes("poison") ? { status: 500, body: "cannot process this one" } : { status: 200 }));
    const poison = await createMessage(t.db, { eventType: endpoint.eventType, payload: JSON.stringify({ poison: true }) });
    const others = await queueDeliveries(t.db, endpoint.id, endpoint.eventType, 100);
    worker = startWorker(t.db, { concurrency: 8 });

    const dead = await waitFor(async () => {
      const d = await t.db.prisma.delivery.findUnique({ where: { id: poison.deliveryIds[0] }, include: { attempts: true } });
      return d?.status === "dead" ? d : null;
    }, 30_000);
    expect(dead.attempts.map((a) => a.outcome).sort()).toEqual(["DEAD", "RETRY", "RETRY", "RETRY"]);
    expect(await t.db.prisma.deadLetter.findFirstOrThrow({ where: { deliveryId: dead.id } })).toMatchObject({ reason: "max_retries", attempts: 4 });
    await waitFor(async () => (await t.db.prisma.delivery.count({ where: { id: { in: others }, status: "succeeded" } })) === others.length, 30_000);
  });

  it("a delivery the worker cannot even prepare (its signing secret is corrupt) neither crashes the worker nor blocks the rest", { timeout: 60_000 }, async () => {
    const policy = await createPolicy(t.db, { maxAttempts: 3, initialDelayMs: 50, timeoutMs: 1_000 });
    const healthy = await createEndpoint(t.db, good.url, { policyId: policy.id });
    const broken = await createEndpoint(t.db, doomed.url, { policyId: policy.id });
    // Not something the API lets in: a secret damaged in the database, so signing throws every time.
    await t.db.prisma.endpoint.update({ where: { id: broken.id }, data: { secret: "whsec_!!!not-base64!!!" } });
    good.respondWith(() => ({ status: 200 }));
    const poisonIds = await queueDeliveries(t.db, broken.id, broken.eventType, 5);
    const okIds = await queueDeliveries(t.db, healthy.id, healthy.eventType, 100);
    // A short lease: a delivery whose processing threw is picked up again soon.
    worker = startWorker(t.db, { concurrency: 4, leaseMarginMs: 200 });

    await waitFor(async () => (await t.db.prisma.delivery.count({ where: { id: { in: okIds }, status: "succeeded" } })) === okIds.length, 40_000);
    expect(doomed.requests).toHaveLength(0);
    // The broken deliveries end recorded as failed attempts and dead-lettered, not retried unseen forever.
    const ends = await waitFor(async () => {
      const rows = await t.db.prisma.delivery.findMany({ where: { id: { in: poisonIds } }, include: { attempts: true } });
      return rows.every((d) => d.status === "dead") ? rows : null;
    }, 20_000);
    for (const d of ends) {
      expect(d.attempts.length).toBeGreaterThan(0);
      expect(d.attempts.every((a) => a.statusCode === null && a.error)).toBe(true);
    }
    const letters = await t.db.prisma.deadLetter.findMany({ where: { deliveryId: { in: poisonIds } } });
    expect(letters).toHaveLength(poisonIds.length);
  });
});
