import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { getMessage } from "@/lib/delivery/get-message";
import { messageCreateSchema, submitMessage } from "@/lib/delivery/submit-message";
import { idempotencyKeyOf } from "@/lib/http/headers";
import { testProviders, useTestDatabase } from "../../support/databases";
import { clearDeliveryData, freshApp, idContext, jsonRequest, responseJson } from "./support";

type MessageJson = { id: string; eventType: string; payload: unknown; idempotencyKey: string | null; deliveries: { id: string; status: string; endpoint: { id: string; url: string }; message: { id: string; eventType: string } }[] };
type ErrorJson = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

describe("message input", () => {
  it("accepts an event type and a JSON object payload", () => {
    expect(messageCreateSchema.parse({ eventType: " invoice.paid ", payload: { a: 1 } })).toEqual({ eventType: "invoice.paid", payload: { a: 1 } });
  });

  it("names the field of every mistake", () => {
    const result = messageCreateSchema.safeParse({ eventType: "x".repeat(201), payload: [1, 2] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path.join("."), message: i.message }))).toEqual([
      { path: "eventType", message: "Event type has at most 200 characters" },
      { path: "payload", message: "Payload must be a JSON object" },
    ]);
  });

  it("reads the Idempotency-Key header and refuses an empty or overlong one", () => {
    expect(idempotencyKeyOf(new Headers())).toBeNull();
    expect(idempotencyKeyOf(new Headers({ "Idempotency-Key": "order-42" }))).toBe("order-42");
    expect(idempotencyKeyOf(new Headers({ "Idempotency-Key": "k".repeat(255) }))).toBe("k".repeat(255));
    for (const [value, message] of [
      ["", "Idempotency-Key cannot be empty"],
      ["k".repeat(256), "Idempotency-Key has at most 255 characters"],
    ]) {
      let thrown: unknown;
      try {
        idempotencyKeyOf(new Headers({ "Idempotency-Key": value }));
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).toBody()).toEqual({ error: { code: "validation_failed", message, details: [{ path: "Idempotency-Key", message }] } });
    }
  });
});

describe.each(testProviders())("messages on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(() => clearDeliveryData(t.db));

  async function endpoint(name: string, eventTypes: string[], enabled = true): Promise<string> {
    const row = await t.db.prisma.endpoint.create({ data: { url: `http://127.0.0.1:9/${name}`, secret: `whsec_${name}`, eventTypes: JSON.stringify(eventTypes), enabled } });
    return row.id;
  }

  it("fans out to every endpoint whose filter matches, and to no other; a disabled one's delivery is held", async () => {
    const exact = await endpoint("exact", ["invoice.paid"]);
    const prefix = await endpoint("prefix", ["invoice.*"]);
    const all = await endpoint("all", []);
    const star = await endpoint("star", ["*"]);
    const customers = await endpoint("customers", ["customer.created"]);
    const disabled = await endpoint("disabled", [], false);
    await endpoint("lookalike", ["invoices.*", "invoice"]);

    const paid = await submitMessage(t.db, { eventType: "invoice.paid", payload: { amount: 10 } }, null);
    expect(paid.created).toBe(true);
    expect(paid.message.deliveries.map((d) => d.endpoint.id).sort()).toEqual([exact, prefix, all, star, disabled].sort());
    expect(paid.message.deliveries.every((d) => d.status === (d.endpoint.id === disabled ? "held" : "pending") && d.message.eventType === "invoice.paid")).toBe(true);

    const created = await submitMessage(t.db, { eventType: "customer.created", payload: {} }, null);
    expect(created.message.deliveries.map((d) => d.endpoint.id).sort()).toEqual([all, star, customers, disabled].sort());

    expect(await t.db.prisma.delivery.count()).toBe(9);
    expect(await t.db.prisma.message.count()).toBe(2);
  });

  it("stores a message with no matching endpoint, with no deliveries", async () => {
    await endpoint("other", ["customer.created"]);
    const { message } = await submitMessage(t.db, { eventType: "invoice.paid", payload: {} }, null);
    expect(message.deliveries).toEqual([]);
    expect(await t.db.prisma.message.count()).toBe(1);
  });

  it("stores the payload as the JSON text that will be delivered, and answers it as the object sent", async () => {
    const { message } = await submitMessage(t.db, { eventType: "a", payload: { z: 1, a: [true, null, "é"] } }, null);
    expect(message.payload).toEqual({ z: 1, a: [true, null, "é"] });
    expect((await t.db.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).payload).toBe('{"z":1,"a":[true,null,"é"]}');
  });

  it("returns the first message for a repeated key and refuses the key with another body", async () => {
    await endpoint("all", []);
    const first = await submitMessage(t.db, { eventType: "a", payload: { n: 1 } }, "key-1");
    const again = await submitMessage(t.db, { eventType: "a", payload: { n: 1 } }, "key-1");
    expect(again.created).toBe(false);
    expect(again.message).toEqual(first.message);
    expect(first.message.idempotencyKey).toBe("api:key-1");
    expect(await t.db.prisma.delivery.count()).toBe(1);

    const mismatch = await submitMessage(t.db, { eventType: "a", payload: { n: 2 } }, "key-1").catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(AppError);
    expect((mismatch as AppError).code).toBe("idempotency_mismatch");
    expect((mismatch as AppError).status).toBe(422);
    expect(await t.db.prisma.message.count()).toBe(1);
  });

  it("treats the same payload with its keys in another order as the same request", async () => {
    const first = await submitMessage(t.db, { eventType: "a", payload: { x: 1, y: [1, { b: 2, a: 1 }] } }, "key-order");
    const again = await submitMessage(t.db, { eventType: "a", payload: { y: [1, { a: 1, b: 2 }], x: 1 } }, "key-order");
    expect(again.created).toBe(false);
    expect(again.message.id).toBe(first.message.id);
  });

  it("keeps API keys apart from the keys of inbound events", async () => {
    await t.db.prisma.message.create({ data: { eventType: "a", payload: "{}", idempotencyKey: "inbound:evt_1", requestHash: "x" } });
    const { created, message } = await submitMessage(t.db, { eventType: "a", payload: {} }, "inbound:evt_1");
    expect(created).toBe(true);
    expect(message.idempotencyKey).toBe("api:inbound:evt_1");
  });

  it("answers 404 for an unknown message", async () => {
    const err = await getMessage(t.db, "nope").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toBody()).toEqual({ error: { code: "not_found", message: "Message not found" } });
  });

  describe("routes", () => {
    let close: () => Promise<void>;
    beforeAll(async () => {
      close = await freshApp(t.url, true);
    });
    afterAll(() => close());

    const post = async (body: unknown, headers: Record<string, string> = {}) => {
      const { POST } = await import("@/app/api/messages/route");
      return POST(jsonRequest("POST", "/api/messages", body, headers), undefined);
    };

    it("creates with 201, replays a repeat with 200 and Idempotent-Replayed, refuses another body with 422", async () => {
      const a = await endpoint("a", ["order.*"]);
      const first = await post({ eventType: "order.created", payload: { id: 1 } }, { "Idempotency-Key": "abc" });
      expect(first.status).toBe(201);
      expect(first.headers.get("Idempotent-Replayed")).toBeNull();
      const body = await responseJson<MessageJson>(first);
      expect(body).toMatchObject({ eventType: "order.created", payload: { id: 1 }, idempotencyKey: "api:abc" });
      expect(body.deliveries.map((d) => d.endpoint)).toEqual([{ id: a, url: "http://127.0.0.1:9/a" }]);

      const repeat = await post({ eventType: "order.created", payload: { id: 1 } }, { "Idempotency-Key": "abc" });
      expect(repeat.status).toBe(200);
      expect(repeat.headers.get("Idempotent-Replayed")).toBe("true");
      expect(await responseJson<MessageJson>(repeat)).toEqual(body);

      const other = await post({ eventType: "order.created", payload: { id: 2 } }, { "Idempotency-Key": "abc" });
      expect(other.status).toBe(422);
      expect((await responseJson<ErrorJson>(other)).error.code).toBe("idempotency_mismatch");

      expect(await t.db.prisma.message.count()).toBe(1);
      expect(await t.db.prisma.delivery.count()).toBe(1);
    });

    it("creates exactly one message when the same key arrives many times at once", async () => {
      await endpoint("a", []);
      await endpoint("b", []);
      const answers = await Promise.all(Array.from({ length: 8 }, () => post({ eventType: "burst", payload: { same: true } }, { "Idempotency-Key": "burst-key" })));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true);
      for (const r of answers.filter((a) => a.status === 409)) expect(r.headers.get("Retry-After")).toBe("1");
      expect(await t.db.prisma.message.count()).toBe(1);
      expect(await t.db.prisma.delivery.count()).toBe(2);
    });

    it("creates a second message for the same body without a key", async () => {
      await endpoint("a", []);
      expect((await post({ eventType: "x", payload: {} })).status).toBe(201);
      expect((await post({ eventType: "x", payload: {} })).status).toBe(201);
      expect(await t.db.prisma.message.count()).toBe(2);
      expect(await t.db.prisma.delivery.count()).toBe(2);
    });

    it("answers 400 for an invalid body or key and stores nothing", async () => {
      const missing = await post({ payload: {} });
      expect(missing.status).toBe(400);
      expect(await responseJson<ErrorJson>(missing)).toEqual({
        error: { code: "validation_failed", message: "Event type is required", details: [{ path: "eventType", message: "Event type is required" }] },
      });
      const longKey = await post({ eventType: "x", payload: {} }, { "Idempotency-Key": "k".repeat(256) });
      expect(longKey.status).toBe(400);
      expect((await responseJson<ErrorJson>(longKey)).error.details).toEqual([{ path: "Idempotency-Key", message: "Idempotency-Key has at most 255 characters" }]);
      const notJson = await post("not json");
      expect(notJson.status).toBe(400);
      expect((await responseJson<ErrorJson>(notJson)).error.code).toBe("invalid_json");
      expect(await t.db.prisma.message.count()).toBe(0);
    });

    it("reads a message with its deliveries, and 404 for an unknown id", async () => {
      await endpoint("a", []);
      const created = await responseJson<MessageJson>(await post({ eventType: "read.me", payload: { k: "v" } }));
      const { GET } = await import("@/app/api/messages/[id]/route");
      const res = await GET(jsonRequest("GET", `/api/messages/${created.id}`), idContext(created.id));
      expect(res.status).toBe(200);
      expect(await responseJson<MessageJson>(res)).toEqual(created);
      const missing = await GET(jsonRequest("GET", "/api/messages/nope"), idContext("nope"));
      expect(missing.status).toBe(404);
      expect(await responseJson<ErrorJson>(missing)).toEqual({ error: { code: "not_found", message: "Message not found" } });
    });
  });
});
