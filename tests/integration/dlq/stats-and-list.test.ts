import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeadLetter } from "@/lib/db/client";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import { addInboundDeadLetter } from "@/lib/dlq/add-dead-letter";
import { discardDeadLetter } from "@/lib/dlq/discard-dead-letter";
import type { DeadLetterDetail } from "@/lib/dlq/get-dead-letter";
import { dlqStatsQuerySchema, getDlqStats, type DlqStats } from "@/lib/dlq/get-dlq-stats";
import { deadLetterListQuerySchema, listDeadLetters, type DeadLetterPage } from "@/lib/dlq/list-dead-letters";
import { reprocessDeadLetter } from "@/lib/dlq/reprocess-dead-letter";
import { HandlerRegistry } from "@/lib/inbound/handlers";
import { TestReceiver } from "../../support/receiver";
import { testProviders, useTestDatabase } from "../../support/databases";
import { bodyOf, closeAppDatabase, deadLettersFor, freshApp, idContext, letterInState, makeEndpoint, request, startWorker, type ErrorJson } from "./support";

const zeros = { total: 0, pending: 0 };

describe("dead letter list query", () => {
  it("parses filters and names the parameter of every mistake", () => {
    expect(deadLetterListQuerySchema.parse({ status: "pending, discarded", reason: "max_retries", kind: "inbound", since: "2026-03-01T00:00:00Z" })).toEqual({
      limit: 50,
      status: ["pending", "discarded"],
      reason: ["max_retries"],
      kind: "inbound",
      since: new Date("2026-03-01T00:00:00Z"),
    });
    const r = deadLetterListQuerySchema.safeParse({ limit: "0", status: "pending,lost", reason: "flaky", kind: "outbound", until: "yesterday" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["limit", "status.1", "reason.0", "kind", "until"]);
    expect(dlqStatsQuerySchema.safeParse({ byEndpoint: "maybe" }).error?.issues[0].message).toBe("byEndpoint must be true or false");
  });
});

describe.each(testProviders())("dead letter stats and list on %s", (provider) => {
  const t = useTestDatabase(provider);
  afterAll(() => closeAppDatabase(t.url));
  const receiver = new TestReceiver();
  let worker: DeliveryWorker;
  const ids = { e1: "", e2: "", e3: "" };
  let early: DeadLetter[];
  let late: DeadLetter[];
  let mid: Date;
  let reprocessedId = "";

  /**
   * Eight letters through the real worker and the inbound path: on e1 three max_retries
   * (before `mid`); after it, on e2 two payload_error, on e3 one invalid_endpoint (410),
   * two inbound unrecoverable; then one e1 letter discarded and one e2 letter reprocessed.
   */
  beforeAll(async () => {
    await receiver.start();
    worker = startWorker(t.db);
    receiver.respondWith(() => ({ status: 503, body: "maintenance" }));
    const e1 = await makeEndpoint(t.db, receiver.url);
    early = await deadLettersFor(t.db, e1, 3);
    await new Promise((r) => setTimeout(r, 20));
    mid = new Date();
    await new Promise((r) => setTimeout(r, 20));
    receiver.respondWith(() => ({ status: 400, body: "bad field" }));
    const e2 = await makeEndpoint(t.db, receiver.url);
    const onE2 = await deadLettersFor(t.db, e2, 2);
    receiver.respondWith(() => ({ status: 410 }));
    const e3 = await makeEndpoint(t.db, receiver.url);
    const onE3 = await deadLettersFor(t.db, e3, 1);
    const source = await t.db.prisma.inboundSource.findFirstOrThrow();
    const inbound: DeadLetter[] = [];
    for (let i = 0; i < 2; i++) {
      const event = await t.db.prisma.inboundEvent.create({
        data: { sourceId: source.id, idempotencyKey: `k-${provider}-${i}`, keySource: "body_id", eventType: "account.updated", payload: `{"id":"k${i}"}`, status: "skipped", expiresAt: new Date(Date.now() + 86_400_000) },
      });
      const id = await addInboundDeadLetter(t.db.prisma, { inboundEventId: event.id, eventType: "account.updated", payload: event.payload, reason: "unrecoverable", errorDetails: "unknown account" });
      inbound.push(await t.db.prisma.deadLetter.findUniqueOrThrow({ where: { id } }));
    }
    late = [...onE2, ...onE3, ...inbound];
    Object.assign(ids, { e1: e1.id, e2: e2.id, e3: e3.id });

    await discardDeadLetter(t.db, early[0].id, "system");
    receiver.respondWith(() => ({ status: 200, body: "ok now" }));
    reprocessedId = onE2[0].id;
    await reprocessDeadLetter(t.db, reprocessedId, { enableEndpoint: false, inbound: { registry: new HandlerRegistry(), budgetMs: 1_000 } });
    await letterInState(t.db, reprocessedId, "reprocessed");
  });
  afterAll(async () => {
    await worker.stop(1_000);
    await receiver.stop();
  });

  it("counts every letter by failure reason and status, as created", async () => {
    const cleanup = await freshApp(t.url);
    try {
      const { GET } = await import("@/app/api/dlq/stats/route");
      const res = await GET(request("GET", "/api/dlq/stats"), undefined);
      expect(res.status).toBe(200);
      expect(await bodyOf<DlqStats>(res)).toEqual({
        since: null,
        until: null,
        endpointId: null,
        totals: { total: 8, pending: 6, reprocessing: 0, reprocessed: 1, discarded: 1 },
        byReason: [
          { reason: "max_retries", total: 3, pending: 2 },
          { reason: "invalid_endpoint", total: 1, pending: 1 },
          { reason: "payload_error", total: 2, pending: 1 },
          { reason: "unrecoverable", total: 2, pending: 2 },
        ],
      });
      const bad = await GET(request("GET", "/api/dlq/stats?since=last-week"), undefined);
      expect(bad.status).toBe(400);
      expect((await bodyOf<ErrorJson>(bad)).error.details).toEqual([{ path: "since", message: "Must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z" }]);
    } finally {
      await cleanup();
    }
  });

  it("narrows the stats to one endpoint, a time window or a kind, and breaks them down by endpoint", async () => {
    const stats = (q: Record<string, string>) => getDlqStats(t.db, dlqStatsQuerySchema.parse(q));
    const forE1 = await stats({ endpointId: ids.e1 });
    expect(forE1.totals).toEqual({ total: 3, pending: 2, reprocessing: 0, reprocessed: 0, discarded: 1 });
    expect(forE1.byReason).toEqual([{ reason: "max_retries", total: 3, pending: 2 }, { reason: "invalid_endpoint", ...zeros }, { reason: "payload_error", ...zeros }, { reason: "unrecoverable", ...zeros }]);

    const after = await stats({ since: mid.toISOString() });
    expect(after.totals.total).toBe(5);
    expect(after.byReason.find((r) => r.reason === "max_retries")).toEqual({ reason: "max_retries", ...zeros });
    expect((await stats({ until: mid.toISOString() })).totals).toEqual({ total: 3, pending: 2, reprocessing: 0, reprocessed: 0, discarded: 1 });
    expect((await stats({ kind: "inbound" })).totals.total).toBe(2);

    const byEndpoint = await stats({ byEndpoint: "true" });
    expect(byEndpoint.byEndpoint).toEqual([
      { endpointId: ids.e1, url: receiver.url, enabled: true, total: 3, pending: 2 },
      { endpointId: ids.e2, url: receiver.url, enabled: true, total: 2, pending: 1 },
      // The 410 disabled it.
      { endpointId: ids.e3, url: receiver.url, enabled: false, total: 1, pending: 1 },
    ]);
    expect((await stats({})).byEndpoint).toBeUndefined();
  });

  it("pages through every letter newest failure first, without repeats", async () => {
    const cleanup = await freshApp(t.url);
    try {
      const { GET } = await import("@/app/api/dlq/route");
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const res = await GET(request("GET", `/api/dlq?limit=3${cursor ? `&cursor=${cursor}` : ""}`), undefined);
        expect(res.status).toBe(200);
        const page: DeadLetterPage = await bodyOf<DeadLetterPage>(res);
        sizes.push(page.data.length);
        seen.push(...page.data.map((l) => l.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(sizes).toEqual([3, 3, 2]);
      expect(new Set(seen).size).toBe(8);
      const all = await t.db.prisma.deadLetter.findMany({ orderBy: [{ failedAt: "desc" }, { id: "desc" }], select: { id: true } });
      expect(seen).toEqual(all.map((l) => l.id));

      const stale = await GET(request("GET", "/api/dlq?cursor=gone"), undefined);
      expect(stale.status).toBe(400);
      expect((await bodyOf<ErrorJson>(stale)).error.details).toEqual([{ path: "cursor", message: "The cursor does not name a dead letter; start again from the first page" }]);
    } finally {
      await cleanup();
    }
  });

  it("filters by status, reason, endpoint, event type, kind and failed-at range", async () => {
    const list = async (q: Record<string, string>) => (await listDeadLetters(t.db, deadLetterListQuerySchema.parse(q))).data.map((l) => l.id).sort();
    const sorted = (letters: DeadLetter[]) => letters.map((l) => l.id).sort();
    expect(await list({ status: "discarded,reprocessed" })).toEqual([early[0].id, reprocessedId].sort());
    expect(await list({ reason: "payload_error" })).toEqual(sorted(late.slice(0, 2)));
    expect(await list({ endpointId: ids.e1, status: "pending" })).toEqual(sorted(early.slice(1)));
    expect(await list({ eventType: "account.updated" })).toEqual(sorted(late.slice(3)));
    expect(await list({ kind: "inbound" })).toEqual(sorted(late.slice(3)));
    expect(await list({ kind: "delivery", since: mid.toISOString() })).toEqual(sorted(late.slice(0, 3)));
    expect(await list({ until: mid.toISOString() })).toEqual(sorted(early));
  });

  it("shows each letter with its URL, reason, error, payload and attempt history", async () => {
    const page = await listDeadLetters(t.db, deadLetterListQuerySchema.parse({ endpointId: ids.e2 }));
    const reprocessed = page.data.find((l) => l.id === reprocessedId);
    expect(reprocessed).toMatchObject({ kind: "delivery", url: receiver.url, reason: "payload_error", errorDetails: "HTTP 400 from endpoint: it rejected this payload", status: "reprocessed", payload: JSON.stringify({ i: 0 }) });
    expect(reprocessed?.history.map((a) => [a.number, a.statusCode, a.outcome])).toEqual([
      [1, 400, "DEAD"],
      [1, 200, "SUCCESS"],
    ]);
    // Lists leave the response bodies out; the detail has them.
    expect(reprocessed?.history[0]).not.toHaveProperty("responseBody");
    const inbound = (await listDeadLetters(t.db, deadLetterListQuerySchema.parse({ kind: "inbound" }))).data[0];
    expect(inbound).toMatchObject({ kind: "inbound", url: null, reason: "unrecoverable", errorDetails: "unknown account", history: [], deliveries: [] });

    const cleanup = await freshApp(t.url);
    try {
      const { GET } = await import("@/app/api/dlq/[id]/route");
      const res = await GET(request("GET", `/api/dlq/${reprocessedId}`), idContext(reprocessedId));
      expect(res.status).toBe(200);
      const detail = await bodyOf<DeadLetterDetail>(res);
      expect(detail).toMatchObject({ id: reprocessedId, status: "reprocessed", reprocessCount: 1, endpoint: { id: ids.e2, url: receiver.url, enabled: true }, inboundEvent: null });
      expect(detail.history.map((a) => [a.statusCode, a.responseBody])).toEqual([
        [400, "bad field"],
        [200, "ok now"],
      ]);
      expect(detail.deliveries.map((d) => [d.role, d.status])).toEqual([
        ["original", "dead"],
        ["reprocess", "succeeded"],
      ]);
      const inboundDetail = await bodyOf<DeadLetterDetail>(await GET(request("GET", `/api/dlq/${late[3].id}`), idContext(late[3].id)));
      expect(inboundDetail.inboundEvent).toMatchObject({ source: "default", idempotencyKey: `k-${provider}-0`, status: "skipped" });
      expect(inboundDetail.endpoint).toBeNull();
      const missing = await GET(request("GET", "/api/dlq/nope"), idContext("nope"));
      expect(missing.status).toBe(404);
      expect(await bodyOf(missing)).toEqual({ error: { code: "not_found", message: "Dead letter not found" } });
    } finally {
      await cleanup();
    }
  });
});
