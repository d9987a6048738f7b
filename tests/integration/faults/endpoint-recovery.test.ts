import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders, useTestDatabase } from "../../support/databases";
import { waitFor } from "../../support/receiver";
import { createEndpoint, createPolicy, peakInWindow, queueDeliveries, sleep, startChildReceiver, startWorker, type ChildReceiver } from "./support";

const CAP = 40;
const BACKLOG = 2_000;

describe.each(testProviders())("an endpoint down, then back with a backlog, on %s", (provider) => {
  const t = useTestDatabase(provider);
  let receiver: ChildReceiver;

  beforeAll(async () => {
    receiver = await startChildReceiver();
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it(`receives no more than its cap of ${CAP}/s while ${BACKLOG} deliveries and their retries drain: no retry storm`, { timeout: 90_000 }, async () => {
    const policy = await createPolicy(t.db, { maxAttempts: 10, initialDelayMs: 200, maxDelayMs: 1_000, timeoutMs: 1_000 });
    const endpoint = await createEndpoint(t.db, receiver.url, { policyId: policy.id, rateLimitPerSecond: CAP });
    const ids = await queueDeliveries(t.db, endpoint.id, endpoint.eventType, BACKLOG);

    // Down: every connection is reset, so each attempt fails at once and is retried with backoff.
    await receiver.down();
    const worker = startWorker(t.db, { concurrency: 32 });
    let restoredAt = 0;
    try {
      await sleep(2_500);
      // Taken before the receiver opens: a request it sees the moment it is up is not "before".
      restoredAt = Date.now();
      await receiver.up();
      // Back: watch the backlog drain for a few seconds (all of it would take BACKLOG / CAP seconds).
      await waitFor(async () => (await receiver.seen()).length >= CAP * 4, 30_000, 200);
      await sleep(1_000);
    } finally {
      await worker.stop(2_000);
    }

    // While down, attempts were made (and failed) under the same cap.
    const failed = await t.db.prisma.deliveryAttempt.findMany({ where: { delivery: { endpointId: endpoint.id }, statusCode: null }, select: { startedAt: true } });
    expect(failed.length).toBeGreaterThan(CAP);
    expect(await receiver.refused()).toBeGreaterThan(0);
    // A token bucket lets one second's worth through at once on top of the rate: no window sees more.
    expect(peakInWindow(failed.map((a) => a.startedAt.getTime()))).toBeLessThanOrEqual(2 * CAP);

    const seen = await receiver.seen();
    const times = seen.map((r) => r.at);
    expect(times.every((at) => at >= restoredAt)).toBe(true);
    expect(peakInWindow(times)).toBeLessThanOrEqual(2 * CAP);
    // Over the whole recovery the rate stays near the cap, not the worker's concurrency.
    const span = Math.max(...times) - restoredAt;
    expect((times.length / span) * 1_000).toBeLessThanOrEqual(CAP * 1.5);
    // Nothing was sent twice.
    expect(new Set(seen.map((r) => r.delivery)).size).toBe(seen.length);
    expect(ids).toHaveLength(BACKLOG);
  });
});
