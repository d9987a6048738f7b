// Idempotency keys as a user meets them: through `next start`, proxy included, so any header
// added on the way in is seen by the route exactly as in production.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "@/lib/http/json";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";
import { createSource, recordsOf, send, uniqueName } from "./http";

describe.each(testProviders())("idempotency keys through next start on %s", (db) => {
  const app = useApp(db);

  it("the same id-less body posted three times, once with its keys reordered: one record keyed by content hash, two replays", async () => {
    const { name } = await createSource(app, { name: uniqueName("plain") });
    const first = await send(app, name, { body: '{"type":"ping","n":1,"nested":{"a":1,"b":[1,2]}}', headers: {} });
    const second = await send(app, name, { body: '{"type":"ping","n":1,"nested":{"a":1,"b":[1,2]}}', headers: {} });
    const reordered = await send(app, name, { body: '{ "nested": {"b": [1,2], "a": 1}, "n": 1, "type": "ping" }', headers: {} });

    expect(first).toMatchObject({ status: 200, replayed: false, json: { keySource: "content_hash", idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    expect(second).toMatchObject({ status: 200, replayed: true, json: first.json });
    expect(reordered).toMatchObject({ status: 200, replayed: true, json: first.json });
    const records = await recordsOf(app, name);
    expect(records).toHaveLength(1);
    expect(await app.db.prisma.message.count({ where: { id: String(first.json.messageId) } })).toBe(1);
  });

  it("the proxy's X-Request-Id never becomes a key, nor does one a client or load balancer sends", async () => {
    const { name } = await createSource(app, { name: uniqueName("plain") });
    const body = '{"type":"ping","n":2}';
    const a = await send(app, name, { body, headers: { "x-request-id": "lb-1" } });
    const b = await send(app, name, { body, headers: { "x-request-id": "lb-2" } });
    const c = await send(app, name, { body, headers: {} });
    // The proxy still tells the client which request this was.
    expect(c.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.json.keySource).toBe("content_hash");
    expect([b.replayed, c.replayed]).toEqual([true, true]);
    const [record] = await recordsOf(app, name);
    expect(Object.keys(JSON.parse(record.headers) as object)).not.toContain("x-request-id");
  });

  it("one event posted 50 times at once is stored and fanned out once; every answer is done, done before, or come back", async () => {
    const { name } = await createSource(app, { name: uniqueName("race") });
    const body = JSON.stringify({ id: "evt_race_http", type: "order.created" });
    const answers = await Promise.all(Array.from({ length: 50 }, () => send(app, name, { body, headers: {} })));
    const fresh = answers.filter((a) => a.status === 200 && !a.replayed);
    expect(fresh).toHaveLength(1);
    for (const a of answers) {
      if (a.status === 200 && a.replayed) expect(a.json).toEqual(fresh[0].json);
      else if (a !== fresh[0]) expect(a).toMatchObject({ status: 409, json: { error: { code: "in_progress" } } });
    }
    expect(await recordsOf(app, name)).toHaveLength(1);
    expect(await app.db.prisma.message.count({ where: { inboundEvents: { some: { source: { name } } } } })).toBe(1);
  });

  it("large numeric ids that JavaScript would round to one number stay two events", async () => {
    const { name } = await createSource(app, { name: uniqueName("plain") });
    const a = await send(app, name, { body: '{"id":820982911946154508,"type":"order"}', headers: {} });
    const b = await send(app, name, { body: '{"id":820982911946154509,"type":"order"}', headers: {} });
    expect(a.json).toMatchObject({ idempotencyKey: "820982911946154508", keySource: "body.id" });
    expect(b).toMatchObject({ replayed: false, json: { idempotencyKey: "820982911946154509" } });
    // And in id-less bodies, the content hash sees every digit too.
    const c = await send(app, name, { body: '{"amount":820982911946154508}', headers: {} });
    const d = await send(app, name, { body: '{"amount":820982911946154509}', headers: {} });
    expect(d.replayed).toBe(false);
    expect(d.json.idempotencyKey).not.toBe(c.json.idempotencyKey);
    expect(await recordsOf(app, name)).toHaveLength(4);
  });

  it.each([
    ["a lone surrogate in the id", '{"id":"evt_\\ud800","type":"t"}'],
    ["a NUL in the id", '{"id":"evt_\\u0000","type":"t"}'],
    ["a lone surrogate in the type", '{"id":"evt_ok","type":"t\\udfff"}'],
    ["a NUL in the type", '{"id":"evt_ok2","type":"t\\u0000x"}'],
  ])("%s is a 400 with the error shape, and nothing is stored", async (_what, body) => {
    const { name } = await createSource(app, { name: uniqueName("plain") });
    const answer = await send(app, name, { body, headers: {} });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: { code: "bad_request", message: expect.stringContaining("cannot be stored") } });
    expect(await recordsOf(app, name)).toEqual([]);
    // The server is unharmed.
    expect((await send(app, name, { body: '{"id":"after"}', headers: {} })).status).toBe(200);
  });

  it("a body nested 100 000 levels deep is a 400 naming the depth limit, not a stack overflow, and nothing is stored", async () => {
    const { name } = await createSource(app, { name: uniqueName("plain") });
    const deep = `{"a":${"[".repeat(100_000)}1${"]".repeat(100_000)}}`;
    const answer = await send(app, name, { body: deep, headers: {} });
    expect(answer).toMatchObject({ status: 400, json: { error: { code: "bad_request", details: { maxDepth: MAX_JSON_DEPTH } } } });
    expect(await recordsOf(app, name)).toHaveLength(0);
  });

  it("a body nested to the depth limit is keyed by its content hash", async () => {
    const { name } = await createSource(app, { name: uniqueName("plain") });
    const deep = `{"a":${"[".repeat(MAX_JSON_DEPTH - 1)}1${"]".repeat(MAX_JSON_DEPTH - 1)}}`;
    expect(await send(app, name, { body: deep, headers: {} })).toMatchObject({ status: 200, json: { keySource: "content_hash" } });
    expect((await send(app, name, { body: deep, headers: {} })).replayed).toBe(true);
  });

  it("a correctly signed Latin-1 body is accepted: the HMAC is checked over the bytes received", async () => {
    const { name, secret } = await createSource(app, { name: uniqueName("latin"), provider: "custom" });
    const bytes = Buffer.from('{"id":"latin-1","customer":"Zoë Müller"}', "latin1");
    const signature = `sha256=${createHmac("sha256", secret as string).update(bytes).digest("hex")}`;
    const answer = await send(app, name, { body: bytes, headers: { "x-signature-256": signature } }, "application/json; charset=ISO-8859-1");
    expect(answer).toMatchObject({ status: 200, json: { status: "processed", idempotencyKey: "latin-1" } });
    const [record] = await recordsOf(app, name);
    expect(JSON.parse(record.payload)).toEqual({ id: "latin-1", customer: "Zoë Müller" });
  });

  it("keeps the preset's provider headers on the record and shows them on the event's API", async () => {
    const secret = "shpss_headers_test_secret_0123";
    const { name } = await createSource(app, { name: uniqueName("shop"), provider: "shopify", secret });
    const body = '{"id":1001}';
    const headers = {
      "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
      "x-shopify-topic": "products/update",
      "x-shopify-shop-domain": "headers.myshopify.com",
      "x-shopify-event-id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
      cookie: "session=should-not-be-kept",
    };
    const answer = await send(app, name, { body, headers });
    const detail = await (await app.operator.fetch(`/api/inbound/${String(answer.json.id)}`)).json();
    expect(detail).toMatchObject({
      provider: "shopify",
      headers: { "x-shopify-topic": "products/update", "x-shopify-shop-domain": "headers.myshopify.com", "x-shopify-event-id": "98880550-7158-44d4-b7cd-2c97c8a091b5" },
      sourceHeaders: {
        "x-hookrelay-source": name,
        "x-hookrelay-source-shopify-topic": "products/update",
        "x-hookrelay-source-shopify-shop-domain": "headers.myshopify.com",
      },
    });
    expect(JSON.stringify(detail)).not.toContain("should-not-be-kept");
    expect(JSON.stringify(detail)).not.toContain(headers["x-shopify-hmac-sha256"]);
  });
});
