import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { SkipEventError } from "@/lib/inbound/handlers";
import { getInboundEvent, listEventsQuerySchema, listInboundEvents } from "@/lib/inbound/list-events";
import { SourceCache } from "@/lib/inbound/source-cache";
import { createSourceSchema } from "@/lib/inbound/source-schema";
import { createSource } from "@/lib/inbound/sources";
import { useApp } from "@/tests/support/app-server";
import { testProviders, useTestDatabase } from "../../support/databases";
import { makeDeps, resetInbound, send } from "./helpers";

describe.each(testProviders())("listing inbound events on %s", (provider) => {
  const t = useTestDatabase(provider);
  /** Ids in the order the list must show them: newest first. */
  let newestFirst: string[];

  beforeAll(async () => {
    await resetInbound(t.db);
    await createSource({ db: t.db, cache: new SourceCache() }, createSourceSchema.parse({ name: "shop" }), "system");
    await t.db.prisma.endpoint.create({ data: { url: "http://127.0.0.1:9/hook", secret: "s", eventTypes: "[]" } });
    const deps = makeDeps(t.db);
    deps.registry.register("bad.thing", async () => {
      throw new SkipEventError("not for us");
    });
    const plan = [
      { body: { id: "e1", type: "order.created" }, source: "default" },
      { body: { id: "e2", type: "order.paid" }, source: "shop" },
      { body: { id: "e3", type: "bad.thing" }, source: "default" },
      { body: { id: "e4", type: "order.created" }, source: "shop" },
      { body: { id: "e5", type: "order.created" }, source: "default" },
    ];
    const ids: string[] = [];
    for (const [i, step] of plan.entries()) {
      // e4 and e5 arrive in the same millisecond: the id breaks the tie.
      if (i !== 4) deps.clock.advance(1_000);
      const reply = await send(deps, step.body, { source: step.source, headers: { "User-Agent": "tests", "X-Delivery-Attempt": "2" } });
      ids.push(String(reply.json.id));
    }
    const tied = ids.slice(3).sort().reverse();
    newestFirst = [...tied, ids[2], ids[1], ids[0]];
  });

  const list = (query: Record<string, string>) => listInboundEvents(t.db, listEventsQuerySchema.parse(query));

  it("pages through every event newest first with a cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(cursor ? { limit: "2", cursor } : { limit: "2" });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst);
  });

  it("has no next cursor when the page holds the rest", async () => {
    const page = await list({ limit: "5" });
    expect(page.data).toHaveLength(5);
    expect(page.nextCursor).toBeNull();
  });

  it("filters by source name, status and type", async () => {
    expect((await list({ source: "shop" })).data.map((e) => e.idempotencyKey).sort()).toEqual(["e2", "e4"]);
    expect((await list({ status: "skipped" })).data.map((e) => e.idempotencyKey)).toEqual(["e3"]);
    expect((await list({ eventType: "order.created" })).data.map((e) => e.idempotencyKey).sort()).toEqual(["e1", "e4", "e5"]);
    expect((await list({ eventType: "order.created", source: "default" })).data.map((e) => e.idempotencyKey).sort()).toEqual(["e1", "e5"]);
    expect((await list({ source: "nowhere" })).data).toEqual([]);
  });

  it("summarises each event", async () => {
    const [first] = (await list({ source: "shop", eventType: "order.paid" })).data;
    expect(first).toMatchObject({ source: "shop", idempotencyKey: "e2", keySource: "body.id", eventType: "order.paid", status: "processed", resultStatus: 200, runs: 1, duplicateCount: 0, providerAttempt: 2 });
    expect(first.messageId).toEqual(expect.any(String));
  });

  it("refuses a cursor that names no event, and bad query values", async () => {
    const err = await list({ cursor: "gone" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    // The same refusal as every other list's stale cursor.
    expect((err as AppError).toBody().error).toMatchObject({ code: "validation_failed", details: [{ path: "cursor" }] });
    expect(listEventsQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
    expect(listEventsQuerySchema.safeParse({ limit: "201" }).success).toBe(false);
    expect(listEventsQuerySchema.safeParse({ status: "lost" }).success).toBe(false);
  });

  it("shows one event with its headers, payload, result, message, deliveries and dead letters", async () => {
    const processed = await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { idempotencyKey: "e1" } });
    const detail = await getInboundEvent(t.db, processed.id);
    expect(detail).toMatchObject({
      id: processed.id,
      source: "default",
      payload: '{"id":"e1","type":"order.created"}',
      headers: { "user-agent": "tests", "x-delivery-attempt": "2", "content-type": "application/json" },
      result: { status: 200, body: { status: "processed", id: processed.id } },
      deadLetters: [],
    });
    expect(detail.message).toMatchObject({ id: processed.messageId, eventType: "order.created" });
    expect(detail.message?.deliveries).toEqual([{ id: expect.any(String), endpointId: expect.any(String), url: "http://127.0.0.1:9/hook", status: "pending", attemptCount: 0 }]);

    const skipped = await t.db.prisma.inboundEvent.findFirstOrThrow({ where: { idempotencyKey: "e3" } });
    const skippedDetail = await getInboundEvent(t.db, skipped.id);
    expect(skippedDetail.message).toBeNull();
    expect(skippedDetail.deadLetters).toEqual([{ id: expect.any(String), reason: "payload_error", status: "pending", errorDetails: "not for us", failedAt: expect.any(Date) }]);

    const missing = await getInboundEvent(t.db, "missing").catch((e: unknown) => e);
    expect((missing as AppError).status).toBe(404);
  });
});

describe.each(testProviders())("GET /api/inbound through next start on %s", (provider) => {
  const app = useApp(provider);

  it("pages the events of a source newest first and shows one with its payload", async () => {
    for (const id of ["h1", "h2", "h3"]) expect((await app.postWebhook({ id, type: "order.created" })).status).toBe(200);
    const res = await app.operator.fetch("/api/inbound?limit=2&source=default");
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: { id: string; idempotencyKey: string }[]; nextCursor: string | null };
    expect(page.data.map((e) => e.idempotencyKey)).toEqual(["h3", "h2"]);
    expect(page.nextCursor).toBe(page.data[1].id);

    const next = (await (await app.operator.fetch(`/api/inbound?limit=2&source=default&cursor=${page.nextCursor}`)).json()) as typeof page;
    expect(next).toMatchObject({ data: [{ idempotencyKey: "h1" }], nextCursor: null });

    const bad = await app.operator.fetch("/api/inbound?status=lost");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed", details: [{ path: "status" }] } });

    const one = await app.operator.fetch(`/api/inbound/${page.data[0].id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: page.data[0].id, idempotencyKey: "h3", provider: "none", payload: '{"id":"h3","type":"order.created"}' });

    const none = await app.operator.fetch("/api/inbound/nope");
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({ error: { code: "not_found", message: "Inbound event not found" } });
  });
});
