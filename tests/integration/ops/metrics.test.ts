import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createMessage } from "@/lib/delivery/create-message";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { createMetrics, inboundOutcome, metrics } from "@/lib/metrics/metrics";
import { renderMetrics } from "@/lib/metrics/render";
import { TestReceiver, waitFor } from "../../support/receiver";
import { testProviders, useTestDatabase } from "../../support/databases";

const SECRET = "whsec_" + Buffer.from("hookrelay-metrics-secret-0123456").toString("base64");

/** One sample's value from the Prometheus text format; labels must match exactly. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(",");
  for (const line of text.split("\n")) {
    const m = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? "").split(/,(?=\w+=")/).filter(Boolean).sort().join(",");
    if (have === wanted) return Number(m[3]);
  }
  return undefined;
}

async function clear(db: Db): Promise<void> {
  await db.prisma.deadLetter.deleteMany();
  await db.prisma.deliveryAttempt.deleteMany();
  await db.prisma.delivery.deleteMany();
  await db.prisma.message.deleteMany();
  await db.prisma.endpoint.deleteMany();
  await db.prisma.retryPolicy.deleteMany({ where: { isDefault: false } });
}

describe("metrics registry", () => {
  it("exposes every series with help and type, counters starting from what was counted", async () => {
    const m = createMetrics();
    m.inboundReceived("stripe", "accepted");
    m.inboundReceived("stripe", "accepted");
    m.inboundDuplicate("stripe", "memory");
    m.deliveryAttempt("success", 120);
    const text = await m.registry.metrics();
    expect(sample(text, "hookrelay_inbound_received_total", { source: "stripe", outcome: "accepted" })).toBe(2);
    expect(sample(text, "hookrelay_inbound_duplicates_total", { source: "stripe", tier: "memory" })).toBe(1);
    expect(sample(text, "hookrelay_delivery_attempts_total", { outcome: "success" })).toBe(1);
    expect(sample(text, "hookrelay_delivery_attempt_duration_seconds_bucket", { outcome: "success", le: "0.1" })).toBe(0);
    expect(sample(text, "hookrelay_delivery_attempt_duration_seconds_bucket", { outcome: "success", le: "0.25" })).toBe(1);
    expect(sample(text, "hookrelay_delivery_attempt_duration_seconds_sum", { outcome: "success" })).toBeCloseTo(0.12);
    for (const name of ["hookrelay_inbound_received_total", "hookrelay_delivery_attempt_duration_seconds", "hookrelay_delivery_queue_depth", "hookrelay_delivery_oldest_due_age_seconds", "hookrelay_dead_letters_pending", "hookrelay_deliveries"]) {
      expect(text).toContain(`# HELP ${name} `);
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it("buckets inbound answers into a few outcomes", () => {
    expect([200, 202, 400, 401, 404, 413, 429, 500, 503].map(inboundOutcome)).toEqual(["accepted", "accepted", "rejected", "rejected", "rejected", "rejected", "throttled", "failed", "unavailable"]);
  });

  it("caps the number of source labels so requests for made-up sources cannot grow the series without end", async () => {
    const m = createMetrics();
    for (let i = 0; i < 250; i++) m.inboundReceived(`made-up-${i}`, "rejected");
    m.inboundReceived(null, "rejected");
    const text = await m.registry.metrics();
    expect(sample(text, "hookrelay_inbound_received_total", { source: "other", outcome: "rejected" })).toBe(50);
    expect(sample(text, "hookrelay_inbound_received_total", { source: "unknown", outcome: "rejected" })).toBe(1);
  });

  it("is one instance per process, shared by every bundle that imports it", () => {
    expect(metrics()).toBe(metrics());
  });
});

describe.each(testProviders())("GET /api/metrics on %s", (provider) => {
  const t = useTestDatabase(provider);
  const receiver = new TestReceiver();
  let worker: DeliveryWorker | undefined;

  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });
  beforeEach(async () => {
    await clear(t.db);
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", t.url);
  });
  afterEach(async () => {
    await worker?.stop(1_000);
    worker = undefined;
    vi.unstubAllEnvs();
  });

  async function scrape(): Promise<string> {
    const { GET } = await import("@/app/api/metrics/route");
    const res = await GET(new Request("http://localhost/api/metrics"), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  }

  async function endpoint(maxAttempts: number, eventType: string) {
    const policy = await t.db.prisma.retryPolicy.create({
      data: { name: `m-${eventType}`, maxAttempts, initialDelayMs: 50, maxDelayMs: 100, exponentialBase: 2, jitter: 0, jitterMode: "none", timeoutMs: 2_000 },
    });
    return t.db.prisma.endpoint.create({ data: { url: `${receiver.url}?type=${eventType}`, secret: SECRET, policyId: policy.id, eventTypes: JSON.stringify([eventType]) } });
  }

  it("shows the queue, outcomes and dead letters change as deliveries are worked", async () => {
    receiver.respondWith((r) => (r.body.includes('"fail"') ? { status: 500 } : { status: 200 }));
    await endpoint(5, "ok.event");
    await endpoint(1, "bad.event");
    await createMessage(t.db, { eventType: "ok.event", payload: JSON.stringify({ kind: "ok" }) });
    await createMessage(t.db, { eventType: "bad.event", payload: JSON.stringify({ kind: "fail" }) });
    // An old delivery nobody has worked yet: the age of the oldest due delivery.
    const overdue = await createMessage(t.db, { eventType: "ok.event", payload: JSON.stringify({ kind: "ok", overdue: true }) });
    await t.db.prisma.delivery.updateMany({ where: { id: overdue.deliveryIds[0] }, data: { nextAttemptAt: new Date(Date.now() - 120_000) } });

    const before = await scrape();
    expect(sample(before, "hookrelay_delivery_queue_depth", { state: "due" })).toBe(3);
    expect(sample(before, "hookrelay_delivery_queue_depth", { state: "in_flight" })).toBe(0);
    expect(sample(before, "hookrelay_deliveries", { status: "pending" })).toBe(3);
    expect(sample(before, "hookrelay_deliveries", { status: "succeeded" })).toBe(0);
    expect(sample(before, "hookrelay_delivery_oldest_due_age_seconds")).toBeGreaterThanOrEqual(120);
    expect(sample(before, "hookrelay_dead_letters_pending")).toBe(0);

    worker = new DeliveryWorker({ db: t.db, concurrency: 4, pollMs: 50, allowPrivateDestinations: true, autoDisableAfterMs: 0, leaseMarginMs: 1_000 });
    worker.start();
    await waitFor(async () => (await t.db.prisma.delivery.count({ where: { status: { in: ["pending", "in_flight"] } } })) === 0 || null);

    const after = await scrape();
    expect(sample(after, "hookrelay_delivery_queue_depth", { state: "due" })).toBe(0);
    expect(sample(after, "hookrelay_deliveries", { status: "pending" })).toBe(0);
    expect(sample(after, "hookrelay_deliveries", { status: "succeeded" })).toBe(2);
    expect(sample(after, "hookrelay_deliveries", { status: "dead" })).toBe(1);
    expect(sample(after, "hookrelay_delivery_oldest_due_age_seconds")).toBe(0);
    expect(sample(after, "hookrelay_dead_letters_pending")).toBe(1);
  });

  it("renders what the inbound and delivery code counted in this process", async () => {
    const first = await scrape();
    const received = sample(first, "hookrelay_inbound_received_total", { source: "default", outcome: "accepted" }) ?? 0;
    const attempts = sample(first, "hookrelay_delivery_attempts_total", { outcome: "retry" }) ?? 0;
    const observed = sample(first, "hookrelay_delivery_attempt_duration_seconds_count", { outcome: "retry" }) ?? 0;
    metrics().inboundReceived("default", "accepted");
    metrics().inboundDuplicate("default", "database");
    metrics().deliveryAttempt("retry", 1_500);
    const second = await scrape();
    expect(sample(second, "hookrelay_inbound_received_total", { source: "default", outcome: "accepted" })).toBe(received + 1);
    expect(sample(second, "hookrelay_inbound_duplicates_total", { source: "default", tier: "database" })).toBeGreaterThanOrEqual(1);
    expect(sample(second, "hookrelay_delivery_attempts_total", { outcome: "retry" })).toBe(attempts + 1);
    expect(sample(second, "hookrelay_delivery_attempt_duration_seconds_count", { outcome: "retry" })).toBe(observed + 1);
    // Process metrics come along for free.
    expect(second).toContain("process_cpu_seconds_total");
  });

  it("reads the database gauges with renderMetrics against any registry", async () => {
    const m = createMetrics();
    const text = (await renderMetrics(t.db, m)).body;
    for (const status of ["pending", "in_flight", "succeeded", "failed", "dead"]) expect(sample(text, "hookrelay_deliveries", { status })).toBe(0);
    expect(text).not.toContain("process_cpu_seconds_total");
  });
});
