import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { backtestEndpoint, errorKindOf, type BacktestReport } from "@/lib/simulator/backtest-history";
import { backtestRequestSchema } from "@/lib/simulator/backtest-request";
import { useApp } from "../../support/app-server";
import { testProviders } from "../../support/databases";

const MINUTE = 60_000;
const T0 = Date.parse("2026-03-01T10:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();


/**
 * The endpoint is down (503) for the first 10 minutes: deliveries created then were tried at
 * +0, +10 s, +30 s and +70 s and died. After it, one delivery a minute succeeded at once.
 * One more delivery was refused by the SSRF guard: no policy changes that.
 */
async function seedOutageHistory(db: Db, endpointId: string): Promise<void> {
  const { prisma } = db;
  const message = await prisma.message.create({ data: { eventType: "order.paid", payload: "{}" } });
  const delivery = (id: string, createdAt: number, status: string, attemptCount: number) =>
    prisma.delivery.create({ data: { id, messageId: message.id, endpointId, status, attemptCount, createdAt: new Date(createdAt) } });
  const attempts: { deliveryId: string; number: number; startedAt: Date; durationMs: number; statusCode: number | null; error: string | null; outcome: string }[] = [];
  for (let m = 0; m < 8; m++) {
    const id = `down-${endpointId}-${m}`;
    await delivery(id, T0 + m * MINUTE, "dead", 4);
    [0, 10_000, 30_000, 70_000].forEach((offset, i) => {
      attempts.push({ deliveryId: id, number: i + 1, startedAt: new Date(T0 + m * MINUTE + offset), durationMs: 50, statusCode: 503, error: null, outcome: i === 3 ? "DEAD" : "RETRY" });
    });
  }
  for (let m = 11; m <= 30; m++) {
    const id = `up-${endpointId}-${m}`;
    await delivery(id, T0 + m * MINUTE, "succeeded", 1);
    attempts.push({ deliveryId: id, number: 1, startedAt: new Date(T0 + m * MINUTE), durationMs: 80, statusCode: 200, error: null, outcome: "SUCCESS" });
  }
  const blocked = `blocked-${endpointId}`;
  await delivery(blocked, T0 + 20 * MINUTE + 30_000, "dead", 1);
  attempts.push({ deliveryId: blocked, number: 1, startedAt: new Date(T0 + 20 * MINUTE + 30_000), durationMs: 2, statusCode: null, error: "Destination refused: 10.0.0.8 is a private address", outcome: "DEAD" });
  await prisma.deliveryAttempt.createMany({ data: attempts });
}

const original = { maxAttempts: 4, initialDelayMs: 10_000, jitterMode: "none" } as const;
const patient = { maxAttempts: 8, initialDelayMs: 30_000, exponentialBase: 2, jitterMode: "none" } as const;
const period = { since: iso(T0 - MINUTE), until: iso(T0 + 40 * MINUTE) };

describe.each(testProviders())("POST /api/simulate/backtest on %s", (provider) => {
  // The replay runs on the built app's simulation threads.
  const app = useApp(provider);
  let endpointId = "";
  const post = (body: unknown) => app.operator.json("POST", "/api/simulate/backtest", body);

  beforeAll(async () => {
    const endpoint = await app.db.prisma.endpoint.create({ data: { url: "https://receiver.example/hook", secret: "whsec_test" } });
    endpointId = endpoint.id;
    await seedOutageHistory(app.db, endpointId);
  });

  it("replaying the original policy changes nothing", async () => {
    const res = await post({ endpointId, ...period, policy: original });
    expect(res.status).toBe(200);
    const report = (await res.json()) as BacktestReport;
    expect(report.history).toMatchObject({ deliveries: 29, attempts: 53, capped: false });
    expect(report.summary).toMatchObject({ rescued: 0, lost: 0, originallyDead: 9, candidateDead: 9 });
    expect(report.changes).toEqual([]);
    expect(report.currentPolicy).toMatchObject({ name: "default", source: "default" });
  });

  it("a patient policy rescues the outage's dead letters but not the blocked one", async () => {
    const res = await post({ endpointId, ...period, policy: patient });
    const report = (await res.json()) as BacktestReport;
    expect(report.summary).toMatchObject({ rescued: 8, lost: 0, candidateDelivered: 28, candidateDead: 1 });
    expect(report.changesTotal).toBe(8);
    expect(report.changes.every((c) => c.verdict === "rescued")).toBe(true);
    // Newest first.
    expect(report.changes[0].createdAt).toBeGreaterThan(report.changes[7].createdAt);
    expect(report.summary?.rescuedDeliveredAfterMs?.median).toBeGreaterThan(0);
  });

  it("is deterministic through the API, jitter included", async () => {
    const body = { endpointId, ...period, policy: { ...patient, jitterMode: "full" }, seed: 42 };
    const a = await (await post(body)).text();
    const b = await (await post(body)).text();
    expect(a).toBe(b);
  });

  it("answers 404 for an unknown endpoint", async () => {
    const res = await post({ endpointId: "nope", ...period, policy: patient });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "Endpoint not found" } });
  });

  it("answers 400 with a clear message for a policy over the limits or a backwards period", async () => {
    const over = await post({ endpointId, ...period, policy: { maxAttempts: 1000 } });
    expect(over.status).toBe(400);
    expect(((await over.json()) as { error: { message: string } }).error.message).toBe("Max attempts must be a whole number from 1 to 100");
    const backwards = await post({ endpointId, since: period.until, until: period.since, policy: patient });
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { error: { message: string } }).error.message).toBe("The period must end after it starts");
    const local = await post({ endpointId, since: "2026-03-01T10:00", until: period.until, policy: patient });
    expect(((await local.json()) as { error: { message: string } }).error.message).toMatch(/^Since must be a date and time with a zone/);
  });

  it("reports an empty period without a summary", async () => {
    const res = await post({ endpointId, since: iso(T0 - 60 * MINUTE), until: iso(T0 - 30 * MINUTE), policy: patient });
    const report = (await res.json()) as BacktestReport;
    expect(res.status).toBe(200);
    expect(report.summary).toBeNull();
    expect(report.history).toMatchObject({ deliveries: 0, attempts: 0, capped: false, coveredFrom: null });
  });

  it("keeps the newest deliveries and says so when the period is over the limits", async () => {
    const request = backtestRequestSchema.parse({ endpointId, ...period, policy: patient });
    const byDeliveries = await backtestEndpoint(app.db, request, { maxDeliveries: 5, maxRecordedAttempts: 1000 });
    expect(byDeliveries.history).toMatchObject({ deliveries: 5, attempts: 5, capped: true, coveredFrom: iso(T0 + 26 * MINUTE) });
    // 20 one-attempt deliveries after the outage fit, the next one (4 attempts) does not.
    const byAttempts = await backtestEndpoint(app.db, request, { maxDeliveries: 1000, maxRecordedAttempts: 22 });
    expect(byAttempts.history).toMatchObject({ deliveries: 21, attempts: 21, capped: true, coveredFrom: iso(T0 + 11 * MINUTE) });
    expect(byAttempts.summary?.rescued).toBe(0);
  });
});

describe("errorKindOf", () => {
  it("recognises the sender's messages and calls the rest other", () => {
    expect(errorKindOf("Request timed out after 30000 ms")).toBe("timeout");
    expect(errorKindOf("Connection failed (ECONNREFUSED)")).toBe("connection");
    expect(errorKindOf("Destination refused: 10.0.0.8 is a private address")).toBe("ssrf_blocked");
    expect(errorKindOf("The URL must use http or https")).toBe("invalid_url");
    expect(errorKindOf("socket hang up")).toBe("other");
  });
});
