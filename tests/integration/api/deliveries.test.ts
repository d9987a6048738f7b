import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { DEFAULT_RETRY_POLICY } from "@/lib/retry/policy";
import type { DeliveryStatus } from "@/lib/delivery/delivery-view";
import { getDelivery } from "@/lib/delivery/get-delivery";
import { deliveryListQuerySchema, listDeliveries, type DeliveryPage } from "@/lib/delivery/list-deliveries";
import { testProviders, useTestDatabase } from "../../support/databases";
import { clearDeliveryData, freshApp, idContext, jsonRequest, responseJson } from "./support";

type ErrorJson = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const STATUS_CYCLE: DeliveryStatus[] = ["pending", "in_flight", "succeeded", "failed", "dead"];
const BASE = Date.parse("2026-03-01T00:00:00.000Z");

describe("delivery list query", () => {
  const issues = (query: Record<string, string>) => {
    const r = deliveryListQuerySchema.safeParse(query);
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  };

  it("defaults the limit and parses filters", () => {
    expect(deliveryListQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(deliveryListQuerySchema.parse({ limit: "7", status: "failed, dead", since: "2026-03-01T00:00:00Z", until: "2026-03-02T00:00:00+02:00" })).toEqual({
      limit: 7,
      status: ["failed", "dead"],
      since: new Date("2026-03-01T00:00:00Z"),
      until: new Date("2026-03-01T22:00:00Z"),
    });
  });

  it("names the parameter of every mistake", () => {
    expect(issues({ limit: "0", status: "failed,bogus", since: "yesterday" })).toEqual([
      { path: "limit", message: "Limit must be a whole number from 1 to 200" },
      { path: "status.1", message: "Status must be one or more of: pending, in_flight, succeeded, failed, dead, held (comma-separated)" },
      { path: "since", message: "Must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z" },
    ]);
    expect(issues({ limit: "201" })).toEqual([{ path: "limit", message: "Limit must be a whole number from 1 to 200" }]);
    expect(issues({ limit: "abc" })).toEqual([{ path: "limit", message: "Limit must be a whole number from 1 to 200" }]);
  });
});

describe.each(testProviders())("deliveries on %s", (provider) => {
  const t = useTestDatabase(provider);

  interface Seeded {
    endpoints: [string, string];
    ids: string[];
  }

  /**
   * 130 deliveries over 26 distinct timestamps, five per timestamp, so the id has to
   * break ties; alternating endpoints and event types, statuses in a fixed cycle.
   */
  async function seed(): Promise<Seeded> {
    await clearDeliveryData(t.db);
    const e1 = await t.db.prisma.endpoint.create({ data: { url: "http://127.0.0.1:9/one", secret: "whsec_one" } });
    const e2 = await t.db.prisma.endpoint.create({ data: { url: "http://127.0.0.1:9/two", secret: "whsec_two" } });
    const paid = await t.db.prisma.message.create({ data: { eventType: "invoice.paid", payload: "{}" } });
    const created = await t.db.prisma.message.create({ data: { eventType: "customer.created", payload: "{}" } });
    await t.db.prisma.delivery.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        messageId: i % 3 === 0 ? created.id : paid.id,
        endpointId: i % 2 === 0 ? e1.id : e2.id,
        status: STATUS_CYCLE[i % STATUS_CYCLE.length],
        createdAt: new Date(BASE + Math.floor(i / 5) * 60_000),
      })),
    });
    const rows = await t.db.prisma.delivery.findMany({ select: { id: true } });
    return { endpoints: [e1.id, e2.id], ids: rows.map((r) => r.id) };
  }

  async function walk(query: Record<string, string>): Promise<{ pages: DeliveryPage[]; ids: string[] }> {
    const pages: DeliveryPage[] = [];
    let cursor: string | null = null;
    do {
      const page = await listDeliveries(t.db, deliveryListQuerySchema.parse({ ...query, ...(cursor ? { cursor } : {}) }));
      pages.push(page);
      cursor = page.nextCursor;
      expect(pages.length).toBeLessThan(200);
    } while (cursor);
    return { pages, ids: pages.flatMap((p) => p.data.map((d) => d.id)) };
  }

  function expectNewestFirst(rows: { id: string; createdAt: Date }[]): void {
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].createdAt.getTime()).toBeGreaterThanOrEqual(rows[i].createdAt.getTime());
  }

  describe("list", () => {
    let seeded: Seeded;
    beforeAll(async () => {
      seeded = await seed();
    });

    it("walks every delivery once, in the same order as one big page", async () => {
      const { pages, ids } = await walk({ limit: "7" });
      expect(pages).toHaveLength(Math.ceil(130 / 7));
      expect(pages.slice(0, -1).every((p) => p.data.length === 7)).toBe(true);
      expect(pages[pages.length - 1].data).toHaveLength(130 % 7);
      expect(pages[pages.length - 1].nextCursor).toBeNull();
      expect(new Set(ids).size).toBe(130);
      expect([...ids].sort()).toEqual([...seeded.ids].sort());
      const oneShot = await listDeliveries(t.db, deliveryListQuerySchema.parse({ limit: "200" }));
      expect(oneShot.nextCursor).toBeNull();
      expect(oneShot.data.map((d) => d.id)).toEqual(ids);
      expectNewestFirst(oneShot.data);
    });

    it("ends without a cursor when the last page is exactly full", async () => {
      const { pages, ids } = await walk({ limit: "65" });
      expect(pages.map((p) => p.data.length)).toEqual([65, 65]);
      expect(pages[1].nextCursor).toBeNull();
      expect(new Set(ids).size).toBe(130);
    });

    it("shows each row with its endpoint and message", async () => {
      const { data } = await listDeliveries(t.db, deliveryListQuerySchema.parse({ limit: "1" }));
      expect(Object.keys(data[0]).sort()).toEqual(
        ["id", "status", "attemptCount", "nextAttemptAt", "createdAt", "updatedAt", "completedAt", "lastStatusCode", "lastError", "endpoint", "message"].sort(),
      );
      expect(Object.keys(data[0].endpoint).sort()).toEqual(["id", "url"]);
      expect(Object.keys(data[0].message).sort()).toEqual(["eventType", "id"]);
    });

    it("filters by status, endpoint, event type and time, also across pages", async () => {
      const count = (where: Parameters<typeof t.db.prisma.delivery.count>[0]) => t.db.prisma.delivery.count(where);

      const dead = await walk({ limit: "4", status: "dead" });
      expect(dead.ids).toHaveLength(26);
      expect(new Set(dead.pages.flatMap((p) => p.data.map((d) => d.status)))).toEqual(new Set(["dead"]));

      const finished = await walk({ limit: "9", status: "failed,dead" });
      expect(finished.ids).toHaveLength(52);

      const [e1] = seeded.endpoints;
      const one = await walk({ limit: "10", endpointId: e1 });
      expect(one.ids).toHaveLength(65);
      expect(one.pages.every((p) => p.data.every((d) => d.endpoint.id === e1))).toBe(true);

      const customers = await walk({ limit: "10", eventType: "customer.created" });
      expect(customers.ids).toHaveLength(await count({ where: { message: { eventType: "customer.created" } } }));
      expect(customers.ids).toHaveLength(44);
      expect(customers.pages.every((p) => p.data.every((d) => d.message.eventType === "customer.created"))).toBe(true);

      // Timestamps 10..19 (minutes after BASE): since is inclusive, until exclusive.
      const window = await walk({ limit: "8", since: new Date(BASE + 10 * 60_000).toISOString(), until: new Date(BASE + 20 * 60_000).toISOString() });
      expect(window.ids).toHaveLength(50);

      const combined = await walk({ limit: "3", status: "succeeded", endpointId: e1, eventType: "invoice.paid" });
      expect(combined.ids).toHaveLength(await count({ where: { status: "succeeded", endpointId: e1, message: { eventType: "invoice.paid" } } }));
      expect(combined.ids.length).toBeGreaterThan(3);

      expect((await listDeliveries(t.db, deliveryListQuerySchema.parse({ endpointId: "nope" }))).data).toEqual([]);
    });

    it("refuses a cursor that names no delivery", async () => {
      const err = await listDeliveries(t.db, deliveryListQuerySchema.parse({ cursor: "nope" })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).toBody()).toEqual({
        error: {
          code: "validation_failed",
          message: "The cursor does not name a delivery; start again from the first page",
          details: [{ path: "cursor", message: "The cursor does not name a delivery; start again from the first page" }],
        },
      });
    });
  });

  describe("detail", () => {
    beforeEach(() => clearDeliveryData(t.db));

    async function fixture(options: { ownPolicy: boolean; status: DeliveryStatus }) {
      const policy = options.ownPolicy
        ? await t.db.prisma.retryPolicy.create({ data: { name: "own", maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 100, exponentialBase: 3, jitter: 0, jitterMode: "none", timeoutMs: 2000 } })
        : null;
      const endpoint = await t.db.prisma.endpoint.create({ data: { url: "http://127.0.0.1:9/d", secret: "whsec_d", policyId: policy?.id } });
      const message = await t.db.prisma.message.create({ data: { eventType: "invoice.paid", payload: '{"amount": 10}' } });
      const nextAttemptAt = new Date(BASE + 3_600_000);
      const delivery = await t.db.prisma.delivery.create({
        data: { messageId: message.id, endpointId: endpoint.id, status: options.status, attemptCount: 3, nextAttemptAt, lastStatusCode: 503, lastError: "HTTP 503" },
      });
      return { policy, endpoint, message, delivery, nextAttemptAt };
    }

    it("shows the attempt timeline in order, the payload and the endpoint's own policy", async () => {
      const { policy, endpoint, message, delivery, nextAttemptAt } = await fixture({ ownPolicy: true, status: "pending" });
      const attempt = (number: number, extra: { outcome: string; statusCode?: number; error?: string; responseBody?: string; delayMs: number }) => ({ deliveryId: delivery.id, number, startedAt: new Date(BASE + number * 1000), durationMs: 10 * number, workerId: "w1", ...extra });
      // Inserted out of order: the detail must sort by number.
      await t.db.prisma.deliveryAttempt.createMany({
        data: [
          attempt(3, { statusCode: 503, responseBody: "busy", outcome: "RETRY", delayMs: 90 }),
          attempt(1, { error: "connect ECONNREFUSED", outcome: "RETRY", delayMs: 10 }),
          attempt(2, { statusCode: 500, responseBody: "oops", outcome: "RETRY", delayMs: 30 }),
        ],
      });

      const detail = await getDelivery(t.db, delivery.id);
      expect(detail.attempts).toEqual([
        { number: 1, startedAt: new Date(BASE + 1000), durationMs: 10, statusCode: null, error: "connect ECONNREFUSED", responseBody: null, outcome: "RETRY", delayMs: 10, requestHeaders: null, responseHeaders: null },
        { number: 2, startedAt: new Date(BASE + 2000), durationMs: 20, statusCode: 500, error: null, responseBody: "oops", outcome: "RETRY", delayMs: 30, requestHeaders: null, responseHeaders: null },
        { number: 3, startedAt: new Date(BASE + 3000), durationMs: 30, statusCode: 503, error: null, responseBody: "busy", outcome: "RETRY", delayMs: 90, requestHeaders: null, responseHeaders: null },
      ]);
      expect(detail).toMatchObject({
        id: delivery.id,
        status: "pending",
        attemptCount: 3,
        lastStatusCode: 503,
        lastError: "HTTP 503",
        nextRetryAt: nextAttemptAt,
        endpoint: { id: endpoint.id, url: "http://127.0.0.1:9/d", enabled: true, policyId: policy?.id },
        message: { id: message.id, eventType: "invoice.paid", payload: '{"amount": 10}' },
        replayOfId: null,
        replayIds: [],
        deadLetterId: null,
        // Attempts written without a worker carry no policy of their own.
        ranUnder: null,
      });
      expect(detail.policy).toEqual({ id: policy?.id, name: "own", source: "endpoint", maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 100, exponentialBase: 3, jitter: 0, jitterMode: "none", timeoutMs: 2000 });
      expect(detail).not.toHaveProperty("replays");
      expect(detail).not.toHaveProperty("deadLetters");
    });

    it("falls back to the default policy, links replays and the dead letter, and has no next retry once dead", async () => {
      const { endpoint, message, delivery } = await fixture({ ownPolicy: false, status: "dead" });
      const letter = await t.db.prisma.deadLetter.create({ data: { deliveryId: delivery.id, endpointId: endpoint.id, payload: "{}", reason: "max_retries", attempts: 3 } });
      const replay1 = await t.db.prisma.delivery.create({ data: { messageId: message.id, endpointId: endpoint.id, replayOfId: delivery.id, createdAt: new Date(BASE + 1) } });
      const replay2 = await t.db.prisma.delivery.create({ data: { messageId: message.id, endpointId: endpoint.id, replayOfId: delivery.id, createdAt: new Date(BASE + 2) } });

      const detail = await getDelivery(t.db, delivery.id);
      expect(detail).toMatchObject({ status: "dead", nextRetryAt: null, replayOfId: null, replayIds: [replay1.id, replay2.id], deadLetterId: letter.id, attempts: [] });
      expect(detail.policy).toMatchObject({ name: "default", source: "default", ...DEFAULT_RETRY_POLICY });
      expect((await getDelivery(t.db, replay2.id)).replayOfId).toBe(delivery.id);
    });

    it("answers 404 for an unknown delivery", async () => {
      const err = await getDelivery(t.db, "nope").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).toBody()).toEqual({ error: { code: "not_found", message: "Delivery not found" } });
    });
  });

  describe("routes", () => {
    let close: () => Promise<void>;
    let seeded: Seeded;
    beforeAll(async () => {
      seeded = await seed();
      close = await freshApp(t.url, true);
    });
    afterAll(() => close());

    it("pages through GET /api/deliveries with nextCursor", async () => {
      const { GET } = await import("@/app/api/deliveries/route");
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?limit=50&status=pending,dead${cursor ? `&cursor=${cursor}` : ""}`;
        const res = await GET(jsonRequest("GET", `/api/deliveries${query}`), undefined);
        expect(res.status).toBe(200);
        const page = await responseJson<{ data: { id: string; status: string }[]; nextCursor: string | null }>(res);
        seen.push(...page.data.map((d) => d.id));
        expect(page.data.every((d) => d.status === "pending" || d.status === "dead")).toBe(true);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(52);
      expect(new Set(seen).size).toBe(52);
    });

    it("answers 400 naming the bad parameter", async () => {
      const { GET } = await import("@/app/api/deliveries/route");
      const res = await GET(jsonRequest("GET", "/api/deliveries?status=lost"), undefined);
      expect(res.status).toBe(400);
      expect(await responseJson<ErrorJson>(res)).toEqual({
        error: {
          code: "validation_failed",
          message: "Status must be one or more of: pending, in_flight, succeeded, failed, dead, held (comma-separated)",
          details: [{ path: "status.0", message: "Status must be one or more of: pending, in_flight, succeeded, failed, dead, held (comma-separated)" }],
        },
      });
    });

    it("serves GET /api/deliveries/{id} and 404 for an unknown id", async () => {
      const { GET } = await import("@/app/api/deliveries/[id]/route");
      const id = seeded.ids[0];
      const res = await GET(jsonRequest("GET", `/api/deliveries/${id}`), idContext(id));
      expect(res.status).toBe(200);
      expect(await responseJson(res)).toMatchObject({ id, attempts: [], policy: { source: "default", name: "default" } });
      const missing = await GET(jsonRequest("GET", "/api/deliveries/nope"), idContext("nope"));
      expect(missing.status).toBe(404);
      expect(await responseJson<ErrorJson>(missing)).toEqual({ error: { code: "not_found", message: "Delivery not found" } });
    });
  });
});
