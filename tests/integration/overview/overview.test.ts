import { describe, expect, it } from "vitest";
import { getOverview, shapeSeries } from "@/lib/overview/get-overview";
import { testProviders, useTestDatabase } from "../../support/databases";

describe("shapeSeries", () => {
  it("puts each outcome in its bucket and fills empty buckets with zeros", () => {
    const s = shapeSeries(
      [
        { bucket: 1000, outcome: "SUCCESS", count: 3 },
        { bucket: 1000, outcome: "RETRY", count: 2 },
        { bucket: 3000, outcome: "DEAD", count: 1 },
      ],
      1000,
      1000,
      3,
    );
    expect(s).toEqual([
      { t: 1000, succeeded: 3, retried: 2, dead: 0 },
      { t: 2000, succeeded: 0, retried: 0, dead: 0 },
      { t: 3000, succeeded: 0, retried: 0, dead: 1 },
      { t: 4000, succeeded: 0, retried: 0, dead: 0 },
    ]);
  });
});

describe.each(testProviders())("overview on %s", (provider) => {
  const t = useTestDatabase(provider);

  it("counts deliveries, failures, dead letters and the p95 latency over the window", async () => {
    const { prisma } = t.db;
    // Late in a 75 s bucket (1 h / 48), so an attempt just before `now` sits in the last bucket's second half.
    const now = Math.floor(Date.now() / 75_000) * 75_000 + 74_000;
    const ep = await prisma.endpoint.create({ data: { url: "https://example.com/h", secret: "s", failingSince: new Date(now - 60_000) } });
    const msg = await prisma.message.create({ data: { eventType: "a", payload: "{}" } });
    // 20 succeeded deliveries with latencies 100, 200, ..., 2000 ms; p95 is the 19th: 1900.
    for (let i = 1; i <= 20; i++) {
      const created = new Date(now - 10 * 60_000);
      const d = await prisma.delivery.create({
        data: { messageId: msg.id, endpointId: ep.id, status: "succeeded", attemptCount: 1, createdAt: created, completedAt: new Date(created.getTime() + i * 100) },
      });
      await prisma.deliveryAttempt.create({ data: { deliveryId: d.id, number: 1, startedAt: new Date(now - 5 * 60_000), durationMs: 5, outcome: "SUCCESS", statusCode: 200 } });
    }
    const dead = await prisma.delivery.create({ data: { messageId: msg.id, endpointId: ep.id, status: "dead", attemptCount: 2 } });
    await prisma.deliveryAttempt.create({ data: { deliveryId: dead.id, number: 1, startedAt: new Date(now - 4 * 60_000), durationMs: 5, outcome: "RETRY", statusCode: 500 } });
    await prisma.deliveryAttempt.create({ data: { deliveryId: dead.id, number: 2, startedAt: new Date(now - 3 * 60_000), durationMs: 5, outcome: "DEAD", statusCode: 500 } });
    await prisma.deadLetter.create({ data: { deliveryId: dead.id, endpointId: ep.id, payload: "{}", reason: "max_retries" } });
    // The last moment of the window lands in the last bucket, not past the end of the series.
    await prisma.deliveryAttempt.create({ data: { deliveryId: dead.id, number: 4, startedAt: new Date(now - 1), durationMs: 5, outcome: "RETRY", statusCode: 500 } });
    // Outside the 1h window: must not count.
    await prisma.deliveryAttempt.create({ data: { deliveryId: dead.id, number: 3, startedAt: new Date(now - 2 * 3_600_000), durationMs: 5, outcome: "RETRY" } });

    const o = await getOverview(t.db, { window: "1h" }, now);
    expect(o.delivered).toBe(20);
    expect(o.failedAttempts).toBe(3);
    expect(o.successRate).toBeCloseTo(20 / 21, 10);
    expect(o.p95LatencyMs).toBe(1900);
    expect(o.deadLettersPending).toBe(1);
    expect(o.series.reduce((s, p) => s + p.succeeded, 0)).toBe(20);
    expect(o.series.reduce((s, p) => s + p.retried + p.dead, 0)).toBe(3);
    expect(o.endpoints.map((e) => e.id)).toEqual([ep.id]);
  });
});
