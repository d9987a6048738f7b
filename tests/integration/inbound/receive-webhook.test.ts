// The receive pipeline with in-process handlers and an injected clock: outcomes a handler
// decides (retry, skip, rate limit, overrun) and lease takeovers cannot be driven over
// HTTP, so these call receiveWebhook itself. What a provider sees through `next start` is
// in providers.test.ts, keys.test.ts, bad-input.test.ts and refusals.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connect, type Db } from "@/lib/db/client";
import { RateLimitedError, RetryableError, SkipEventError, UnrecoverableError, type InboundEventView } from "@/lib/inbound/handlers";
import { deleteExpiredRecords } from "@/lib/inbound/idempotency-store";
import { REPLAY_HEADER } from "@/lib/http/headers";
import { SourceCache } from "@/lib/inbound/source-cache";
import { createSource } from "@/lib/inbound/sources";
import { createSourceSchema } from "@/lib/inbound/source-schema";
import { testProviders, useTestDatabase } from "../../support/databases";
import { countRows, gate, makeDeps, resetInbound, send, sleep, until } from "./helpers";

const UNREACHABLE_POSTGRES = "postgresql://postgres@127.0.0.1:1/x";

describe.each(testProviders())("receiving webhooks on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(async () => {
    await resetInbound(t.db);
  });

  const recordFor = (key: string) => t.db.prisma.inboundEvent.findFirstOrThrow({ where: { idempotencyKey: key } });

  it("processes a new event once and answers 200 with what was done", async () => {
    const deps = makeDeps(t.db);
    const seen: InboundEventView[] = [];
    deps.registry.register("order.created", async (event) => {
      seen.push(event);
    });

    const reply = await send(deps, { id: "evt_1", type: "order.created", amount: 5 });

    expect(reply.status).toBe(200);
    expect(reply.headers[REPLAY_HEADER]).toBeUndefined();
    expect(reply.json).toMatchObject({ status: "processed", idempotencyKey: "evt_1", keySource: "body.id", deliveries: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ source: "default", eventType: "order.created", idempotencyKey: "evt_1", payload: { id: "evt_1", amount: 5 }, run: 1 });
    const record = await recordFor("evt_1");
    expect(record).toMatchObject({ id: reply.json.id, status: "processed", resultStatus: 200, runs: 1, duplicateCount: 0, keySource: "body.id", messageId: reply.json.messageId });
    expect(record.processedAt).not.toBeNull();
    expect(record.processingUntil).toBeNull();
  });

  it("replays the stored result to a duplicate, with the replay header, and counts it", async () => {
    const deps = makeDeps(t.db);
    let runs = 0;
    deps.registry.register("*", async () => {
      runs++;
    });
    const first = await send(deps, { id: "evt_dup" });
    // A fresh memory tier, so the answer comes from the database record.
    const second = await send(makeDeps(t.db, { registry: deps.registry }), { id: "evt_dup" });

    expect(second.status).toBe(200);
    expect(second.headers[REPLAY_HEADER]).toBe("true");
    expect(second.json).toEqual(first.json);
    expect(runs).toBe(1);
    expect((await recordFor("evt_dup")).duplicateCount).toBe(1);
    expect(await t.db.prisma.message.count()).toBe(1);
  });

  it("answers a known duplicate from the memory tier without touching the database", async () => {
    const deps = makeDeps(t.db);
    const first = await send(deps, { id: "evt_mem" });
    const away = await connect(UNREACHABLE_POSTGRES);
    try {
      deps.getDb = async () => away;
      const dup = await send(deps, { id: "evt_mem" });
      expect(dup.status).toBe(200);
      expect(dup.headers[REPLAY_HEADER]).toBe("true");
      expect(dup.json).toEqual(first.json);

      // Proof that the database really is out of reach for this instance: a new event cannot be accepted.
      const fresh = await send(deps, { id: "evt_mem_new" });
      expect(fresh.status).toBe(503);
    } finally {
      await away.close();
    }
    // The hit is counted on the record when the batch is flushed.
    expect((await recordFor("evt_mem")).duplicateCount).toBe(0);
    await deps.cache.flushHits(t.db);
    expect((await recordFor("evt_mem")).duplicateCount).toBe(1);
  });

  it("a second instance with its own memory tier still rejects duplicates through the database", async () => {
    const one = makeDeps(t.db);
    const two = makeDeps(t.db);
    let runs = 0;
    for (const d of [one, two]) {
      d.registry.register("*", async () => {
        runs++;
      });
    }
    const first = await send(one, { id: "evt_two_instances" });
    const second = await send(two, { id: "evt_two_instances" });
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, headers: { [REPLAY_HEADER]: "true" }, json: first.json });
    expect(runs).toBe(1);
  });

  it.each<{ name: string; body: Record<string, unknown>; headers: Record<string, string>; key: string; source: string }>([
    { name: "webhook-id, before the body's id", body: { id: "k1", event_id: "e1" }, headers: { "webhook-id": "w1" }, key: "w1", source: "header.webhook-id" },
    { name: "Idempotency-Key", body: { id: "k2" }, headers: { "Idempotency-Key": "i2", "X-Event-ID": "x2" }, key: "i2", source: "header.idempotency-key" },
    { name: "X-Event-ID", body: { id: "k3" }, headers: { "X-Event-ID": "x3" }, key: "x3", source: "header.x-event-id" },
    { name: "the body's id", body: { id: "k4", event_id: "e4" }, headers: {}, key: "k4", source: "body.id" },
    { name: "a numeric id", body: { id: 42 }, headers: {}, key: "42", source: "body.id" },
    { name: "event_id", body: { event_id: "e5" }, headers: {}, key: "e5", source: "body.event_id" },
  ])("takes the key from $name and records the rule", async ({ body, headers, key, source }) => {
    const reply = await send(makeDeps(t.db), body, { headers });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ idempotencyKey: key, keySource: source });
    expect(await recordFor(key)).toMatchObject({ keySource: source });
  });

  it("keys an id-less event by a content hash that ignores key order and whitespace", async () => {
    const deps = makeDeps(t.db);
    let runs = 0;
    deps.registry.register("*", async () => {
      runs++;
    });
    const first = await send(deps, { b: 1, a: { y: 2, x: 1 } });
    const same = await send(makeDeps(t.db, { registry: deps.registry }), '{ "a": {"x": 1, "y": 2},\n "b": 1 }');
    const other = await send(deps, { b: 2, a: { y: 2, x: 1 } });

    expect(first.json.keySource).toBe("content_hash");
    expect(first.json.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(same).toMatchObject({ status: 200, headers: { [REPLAY_HEADER]: "true" } });
    expect(same.json.idempotencyKey).toBe(first.json.idempotencyKey);
    expect(other.json.idempotencyKey).not.toBe(first.json.idempotencyKey);
    expect(runs).toBe(2);
    expect(await t.db.prisma.inboundEvent.count()).toBe(2);
  });

  it("scopes keys per source", async () => {
    const store = { db: t.db, cache: new SourceCache() };
    await createSource(store, createSourceSchema.parse({ name: "shop" }), "system");
    const deps = makeDeps(t.db);
    const a = await send(deps, { id: "same" });
    const b = await send(deps, { id: "same" }, { source: "shop" });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.headers[REPLAY_HEADER]).toBeUndefined();
    expect(a.json.id).not.toBe(b.json.id);
    expect(await t.db.prisma.inboundEvent.count({ where: { idempotencyKey: "same" } })).toBe(2);
  });

  it("answers 409 with Retry-After to a duplicate arriving while the first is processing, without running it twice", async () => {
    const deps = makeDeps(t.db);
    const release = gate();
    let runs = 0;
    deps.registry.register("*", async () => {
      runs++;
      await release.wait;
    });
    const first = send(deps, { id: "evt_slow" });
    await until(() => runs === 1);

    const dup = await send(makeDeps(t.db, { registry: deps.registry }), { id: "evt_slow" });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ error: { code: "in_progress" } });
    expect(Number(dup.headers["Retry-After"])).toBeGreaterThanOrEqual(1);
    expect(Number(dup.headers["Retry-After"])).toBeLessThanOrEqual(5);

    release.open();
    expect((await first).status).toBe(200);
    const later = await send(deps, { id: "evt_slow" });
    expect(later).toMatchObject({ status: 200, headers: { [REPLAY_HEADER]: "true" } });
    expect(runs).toBe(1);
    expect((await recordFor("evt_slow")).duplicateCount).toBe(1);
  });

  it("answers 500 to a retryable failure and runs the event again on the provider's retry", async () => {
    const deps = makeDeps(t.db);
    let runs = 0;
    deps.registry.register("*", async (event) => {
      runs++;
      if (event.run === 1) throw new RetryableError("the shipping service is down");
    });
    const failed = await send(deps, { id: "evt_retry" }, { headers: { "X-Delivery-Attempt": "1" } });
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ error: { code: "processing_failed" } });
    expect(String((failed.json.error as { message: string }).message)).toContain("the shipping service is down");
    expect(await recordFor("evt_retry")).toMatchObject({ status: "failed", resultStatus: 500, error: "the shipping service is down", providerAttempt: 1 });

    const retried = await send(deps, { id: "evt_retry" }, { headers: { "X-Delivery-Attempt": "2" } });
    expect(retried.status).toBe(200);
    expect(retried.headers[REPLAY_HEADER]).toBeUndefined();
    expect(retried.json.status).toBe("processed");
    expect(runs).toBe(2);
    expect(await recordFor("evt_retry")).toMatchObject({ status: "processed", runs: 2, duplicateCount: 1, providerAttempt: 2, error: null });
  });

  it("answers 500 to an unexpected exception", async () => {
    const deps = makeDeps(t.db);
    deps.registry.register("*", async () => {
      throw new TypeError("cannot read properties of undefined");
    });
    const reply = await send(deps, { id: "evt_boom" });
    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ error: { code: "processing_failed" } });
    expect(await recordFor("evt_boom")).toMatchObject({ status: "failed", resultStatus: 500 });
  });

  it("answers 500 when processing overruns the time budget, and keeps duplicates out while the abandoned run may still be going", async () => {
    const deps = makeDeps(t.db, { budgetMs: 100 });
    let runs = 0;
    let abortedSeen = false;
    deps.registry.register("*", async (event, signal) => {
      runs++;
      if (event.run > 1) return;
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
      abortedSeen = true;
    });
    const slow = await send(deps, { id: "evt_budget" });
    expect(slow.status).toBe(500);
    expect(slow.json).toMatchObject({ error: { code: "processing_failed" } });
    expect(String((slow.json.error as { message: string }).message)).toContain("longer than 100 ms");
    await until(() => abortedSeen);
    // Give the abandoned run time to do whatever it would: it must not fan out, the provider was told to retry.
    await sleep(200);
    expect(await t.db.prisma.message.count()).toBe(0);

    const tooSoon = await send(deps, { id: "evt_budget" });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.headers["Retry-After"]).toBeDefined();

    deps.clock.advance(100 + 5_000 + 1);
    const retried = await send(deps, { id: "evt_budget" });
    expect(retried.status).toBe(200);
    expect(retried.json.status).toBe("processed");
    expect(runs).toBe(2);
  });

  it("a run whose lease ran out and was taken over does not overwrite the newer run's result", async () => {
    const deps = makeDeps(t.db);
    const release = gate();
    let started = 0;
    deps.registry.register("*", async (event) => {
      started++;
      if (event.run === 1) {
        await release.wait;
        throw new SkipEventError("decided too late");
      }
    });
    const first = send(deps, { id: "evt_lease" });
    await until(() => started === 1);
    deps.clock.advance(deps.budgetMs + 5_000 + 1);
    const takeover = await send(deps, { id: "evt_lease" });
    expect(takeover.status).toBe(200);
    expect(takeover.json).toMatchObject({ status: "processed" });

    release.open();
    const late = await first;
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ error: { code: "in_progress" } });
    expect(await recordFor("evt_lease")).toMatchObject({ status: "processed", runs: 2, resultStatus: 200 });
    expect(await t.db.prisma.deadLetter.count()).toBe(0);
  });

  it("answers 503 and frees the key when the fan-out after a handler loses the database, so the retry runs at once", async () => {
    const lost = Object.assign(new Error("Can't reach database server"), { code: "P1001" });
    const prisma = new Proxy(t.db.prisma, {
      get(target, prop) {
        if (prop === "$transaction") return () => Promise.reject(lost);
        const value: unknown = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const flaky = makeDeps(t.db, { getDb: async () => ({ ...t.db, prisma }) });
    // A handler sends the event down the path that fans out after it has run.
    flaky.registry.register("*", async () => undefined);
    const reply = await send(flaky, { id: "evt_fanout_down" });
    expect(reply.status).toBe(503);
    expect(reply.headers["Retry-After"]).toBe("5");
    expect(await recordFor("evt_fanout_down")).toMatchObject({ status: "failed", resultStatus: 503, processingUntil: null });

    const retried = await send(makeDeps(t.db), { id: "evt_fanout_down" });
    expect(retried.status).toBe(200);
    expect(retried.json.status).toBe("processed");
    expect(await t.db.prisma.message.count()).toBe(1);
  });

  it("answers 429 with the processor's Retry-After when it signals a rate limit, and may run again later", async () => {
    const deps = makeDeps(t.db);
    let limited = true;
    deps.registry.register("*", async () => {
      if (limited) throw new RateLimitedError(7, "CRM quota exhausted");
    });
    const reply = await send(deps, { id: "evt_429" });
    expect(reply.status).toBe(429);
    expect(reply.headers["Retry-After"]).toBe("7");
    expect(reply.json).toMatchObject({ error: { code: "rate_limited" } });
    expect(await recordFor("evt_429")).toMatchObject({ status: "failed", resultStatus: 429 });

    limited = false;
    expect((await send(deps, { id: "evt_429" })).status).toBe(200);
  });

  it("answers 429 with Retry-After when too many events are in flight, storing nothing for the refused one", async () => {
    const deps = makeDeps(t.db, { maxInflight: 1 });
    const release = gate();
    let runs = 0;
    deps.registry.register("*", async () => {
      runs++;
      await release.wait;
    });
    const first = send(deps, { id: "evt_busy_1" });
    await until(() => runs === 1);
    const refused = await send(deps, { id: "evt_busy_2" });
    expect(refused.status).toBe(429);
    expect(refused.headers["Retry-After"]).toBe("1");
    expect(refused.json).toMatchObject({ error: { code: "rate_limited" } });
    expect(await t.db.prisma.inboundEvent.count({ where: { idempotencyKey: "evt_busy_2" } })).toBe(0);
    release.open();
    expect((await first).status).toBe(200);
    expect((await send(deps, { id: "evt_busy_2" })).status).toBe(200);
  });

  it("answers 429 with Retry-After when a source is over its own rate limit", async () => {
    await createSource({ db: t.db, cache: new SourceCache() }, createSourceSchema.parse({ name: "limited", rateLimitPerSecond: 1 }), "system");
    const deps = makeDeps(t.db);
    expect((await send(deps, { id: "rl_1" }, { source: "limited" })).status).toBe(200);
    const over = await send(deps, { id: "rl_2" }, { source: "limited" });
    expect(over.status).toBe(429);
    expect(over.headers["Retry-After"]).toBe("1");
    deps.clock.advance(1_000);
    expect((await send(deps, { id: "rl_2" }, { source: "limited" })).status).toBe(200);
  });

  it("answers 200 to an event the handler skips and keeps it as a payload_error dead letter", async () => {
    const deps = makeDeps(t.db);
    deps.registry.register("*", async () => {
      throw new SkipEventError("no customer in the payload");
    });
    const reply = await send(deps, { id: "evt_skip", type: "order.created" });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: "skipped", reason: "no customer in the payload", deadLetterReason: "payload_error" });
    const letters = await t.db.prisma.deadLetter.findMany();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ id: reply.json.deadLetterId, reason: "payload_error", errorDetails: "no customer in the payload", eventType: "order.created", inboundEventId: reply.json.id });
    expect(JSON.parse(letters[0].payload)).toEqual({ id: "evt_skip", type: "order.created" });
    expect(await recordFor("evt_skip")).toMatchObject({ status: "skipped", resultStatus: 200 });

    const dup = await send(makeDeps(t.db, { registry: deps.registry }), { id: "evt_skip", type: "order.created" });
    expect(dup).toMatchObject({ status: 200, headers: { [REPLAY_HEADER]: "true" }, json: reply.json });
    expect(await t.db.prisma.deadLetter.count()).toBe(1);
    expect(await t.db.prisma.message.count()).toBe(0);
  });

  it("answers 200 to an unrecoverable event and keeps it as an unrecoverable dead letter", async () => {
    const deps = makeDeps(t.db);
    deps.registry.register("*", async () => {
      throw new UnrecoverableError("account 17 was deleted");
    });
    const reply = await send(deps, { id: "evt_dead" });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: "skipped", deadLetterReason: "unrecoverable" });
    expect(await t.db.prisma.deadLetter.findMany({ select: { reason: true, errorDetails: true } })).toEqual([{ reason: "unrecoverable", errorDetails: "account 17 was deleted" }]);
  });

  it("runs handlers registered for the event's type and '*', not others", async () => {
    const deps = makeDeps(t.db);
    const calls: string[] = [];
    deps.registry.register("*", async (e) => {
      calls.push(`*:${e.eventType}`);
    });
    deps.registry.register("a", async () => {
      calls.push("a");
    });
    const remove = deps.registry.register("b", async () => {
      calls.push("b");
    });
    await send(deps, { id: "h1", type: "a" });
    remove();
    await send(deps, { id: "h2", type: "b" });
    expect(calls).toEqual(["*:a", "a", "*:b"]);
  });

  it("fans an accepted event out to every endpoint whose filter matches, holding a disabled one's delivery", async () => {
    const p = t.db.prisma;
    const all = await p.endpoint.create({ data: { url: "http://127.0.0.1:9/all", secret: "s", eventTypes: "[]" } });
    const orders = await p.endpoint.create({ data: { url: "http://127.0.0.1:9/orders", secret: "s", eventTypes: JSON.stringify(["order.*"]) } });
    await p.endpoint.create({ data: { url: "http://127.0.0.1:9/users", secret: "s", eventTypes: JSON.stringify(["user.created"]) } });
    const off = await p.endpoint.create({ data: { url: "http://127.0.0.1:9/off", secret: "s", eventTypes: "[]", enabled: false } });
    const deps = makeDeps(t.db);

    const raw = '{"id":"fan_1","type":"order.created","total":12}';
    const reply = await send(deps, raw);
    expect(reply.json).toMatchObject({ status: "processed", deliveries: 3 });
    const message = await p.message.findUniqueOrThrow({ where: { id: String(reply.json.messageId) }, include: { deliveries: true } });
    expect(message.eventType).toBe("order.created");
    expect(message.payload).toBe(raw);
    expect(message.deliveries.map((d) => [d.endpointId, d.status]).sort()).toEqual(
      [
        [all.id, "pending"],
        [orders.id, "pending"],
        [off.id, "held"],
      ].sort(),
    );

    const untyped = await send(deps, { id: "fan_2" });
    expect(untyped.json).toMatchObject({ deliveries: 2 });
    const m2 = await p.message.findUniqueOrThrow({ where: { id: String(untyped.json.messageId) }, include: { deliveries: true } });
    expect(m2.eventType).toBe("untyped");
    expect(m2.deliveries.map((d) => d.endpointId).sort()).toEqual([all.id, off.id].sort());
  });

  it("records the provider's attempt from webhook-attempt", async () => {
    await send(makeDeps(t.db), { id: "att" }, { headers: { "webhook-attempt": "4" } });
    const record = await recordFor("att");
    expect(record.providerAttempt).toBe(4);
    expect(JSON.parse(record.headers)).toMatchObject({ "webhook-attempt": "4", "content-type": "application/json" });
  });

  it("forgets a key once its TTL has passed, and the cleanup removes expired records", async () => {
    const store = { db: t.db, cache: new SourceCache() };
    await createSource(store, createSourceSchema.parse({ name: "short", idempotencyTtlSeconds: 60 }), "system");
    const deps = makeDeps(t.db);
    let runs = 0;
    deps.registry.register("*", async () => {
      runs++;
    });
    const first = await send(deps, { id: "ttl_1" }, { source: "short" });
    await send(deps, { id: "ttl_2" }, { source: "short" });
    await send(deps, { id: "ttl_long" });
    const record = await recordFor("ttl_1");
    expect(record.expiresAt.getTime() - record.receivedAt.getTime()).toBe(60_000);

    deps.clock.advance(59_000);
    expect((await send(deps, { id: "ttl_1" }, { source: "short" })).headers[REPLAY_HEADER]).toBe("true");
    expect(runs).toBe(3);

    deps.clock.advance(2_000);
    // Neither the memory tier nor the database answer for an expired key: it runs again as a new event.
    const again = await send(deps, { id: "ttl_1" }, { source: "short" });
    expect(again.status).toBe(200);
    expect(again.headers[REPLAY_HEADER]).toBeUndefined();
    expect(again.json.id).not.toBe(first.json.id);
    expect(runs).toBe(4);

    expect(await deleteExpiredRecords(t.db, new Date(deps.clock.now()))).toBe(1);
    expect((await t.db.prisma.inboundEvent.findMany({ select: { idempotencyKey: true }, orderBy: { idempotencyKey: "asc" } })).map((r) => r.idempotencyKey)).toEqual(["ttl_1", "ttl_long"]);
  });

  it("keeps the default TTL of 24 hours", async () => {
    await send(makeDeps(t.db), { id: "ttl_default" });
    const record = await recordFor("ttl_default");
    expect(record.expiresAt.getTime() - record.receivedAt.getTime()).toBe(24 * 3600 * 1000);
  });

  it("stores nothing and answers 503 when the database is unreachable", async () => {
    const deps = makeDeps(t.db);
    const away = await connect(UNREACHABLE_POSTGRES);
    try {
      deps.getDb = async () => away;
      const reply = await send(deps, { id: "evt_db_down" });
      expect(reply.status).toBe(503);
      expect(reply.headers["Retry-After"]).toBe("5");
      expect(reply.json).toMatchObject({ error: { code: "database_unavailable" } });
    } finally {
      await away.close();
    }
    expect(await countRows(t.db)).toEqual({ events: 0, deadLetters: 0, messages: 0 });
  });
});

describe("receiving webhooks while the database is away", () => {
  let away: Db;
  beforeAll(async () => {
    away = await connect(UNREACHABLE_POSTGRES);
  });
  afterAll(async () => {
    await away.close();
  });

  it("answers 503 with Retry-After when getting the database fails with a connection error", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const deps = makeDeps(away, { getDb: () => Promise.reject(refused) });
    const reply = await send(deps, { id: "evt" });
    expect(reply.status).toBe(503);
    expect(reply.headers["Retry-After"]).toBe("5");
    expect(reply.json).toEqual({ error: { code: "database_unavailable", message: "The database is unreachable; retry later" } });
  });

  it("answers 503 and never runs the processor when the database refuses connections", async () => {
    const deps = makeDeps(away);
    let runs = 0;
    deps.registry.register("*", async () => {
      runs++;
    });
    const reply = await send(deps, { id: "evt" });
    expect(reply.status).toBe(503);
    expect(reply.headers["Retry-After"]).toBe("5");
    expect(runs).toBe(0);
  });
});
