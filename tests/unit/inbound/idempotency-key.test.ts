import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/inbound/canonical-json";
import { contentHashKey, deriveEventType, deriveIdempotencyKey, deriveProviderAttempt, InvalidIdempotencyKeyError, MAX_KEY_LENGTH } from "@/lib/inbound/idempotency-key";

/** The same object with its keys inserted in reverse order at every depth. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }, 3] })).toBe('{"a":[{"c":2,"d":1},3],"b":1}');
  });

  it("drops undefined members like JSON.stringify does", () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it("is the same for any key order and parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reversedKeys(value))).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe("deriveIdempotencyKey", () => {
  const h = (init: Record<string, string> = {}) => new Headers(init);

  it("prefers the body's id, then event_id, then the id headers in order", () => {
    const all = { "webhook-id": "w", "x-event-id": "x", "idempotency-key": "i", "x-request-id": "r" };
    expect(deriveIdempotencyKey({ id: "a", event_id: "b" }, h(all))).toEqual({ key: "a", source: "body.id" });
    expect(deriveIdempotencyKey({ event_id: "b" }, h(all))).toEqual({ key: "b", source: "body.event_id" });
    expect(deriveIdempotencyKey({}, h(all))).toEqual({ key: "w", source: "header.webhook-id" });
    expect(deriveIdempotencyKey({}, h({ "x-event-id": "x", "idempotency-key": "i", "x-request-id": "r" }))).toEqual({ key: "x", source: "header.x-event-id" });
    expect(deriveIdempotencyKey({}, h({ "idempotency-key": "i", "x-request-id": "r" }))).toEqual({ key: "i", source: "header.idempotency-key" });
    expect(deriveIdempotencyKey({}, h({ "x-request-id": "r" }))).toEqual({ key: "r", source: "header.x-request-id" });
  });

  it("skips ids that cannot be keys: empty, blank, objects, booleans, non-finite", () => {
    expect(deriveIdempotencyKey({ id: "  ", event_id: { x: 1 } }, h({ "webhook-id": "w" }))).toEqual({ key: "w", source: "header.webhook-id" });
    expect(deriveIdempotencyKey({ id: true, event_id: "" }, h()).source).toBe("content_hash");
  });

  it("takes numeric ids as text and trims whitespace", () => {
    expect(deriveIdempotencyKey({ id: 17 }, h())).toEqual({ key: "17", source: "body.id" });
    expect(deriveIdempotencyKey({ id: " evt_1 " }, h())).toEqual({ key: "evt_1", source: "body.id" });
  });

  it("falls back to 32 hex characters of SHA-256 over the canonical JSON", () => {
    const key = deriveIdempotencyKey({ b: 2, a: 1 }, h());
    expect(key.source).toBe("content_hash");
    // sha256('{"a":1,"b":2}')
    expect(key.key).toBe("43258cff783fe7036d8a43033f830adf");
    expect(contentHashKey({ a: 1, b: 2 })).toBe(key.key);
    expect(contentHashKey({ a: 1, b: 3 })).not.toBe(key.key);
  });

  it("refuses a key longer than the limit", () => {
    expect(deriveIdempotencyKey({ id: "k".repeat(MAX_KEY_LENGTH) }, h()).key).toHaveLength(MAX_KEY_LENGTH);
    expect(() => deriveIdempotencyKey({}, h({ "x-request-id": "k".repeat(MAX_KEY_LENGTH + 1) }))).toThrow(InvalidIdempotencyKeyError);
  });
});

describe("deriveEventType and deriveProviderAttempt", () => {
  it("reads the type from the body first, then the type headers", () => {
    expect(deriveEventType({ type: "a.b", event_type: "x" }, new Headers({ "x-event-type": "h" }))).toBe("a.b");
    expect(deriveEventType({ eventType: "c" }, new Headers())).toBe("c");
    expect(deriveEventType({ type: 3 }, new Headers({ "x-github-event": "push" }))).toBe("push");
    expect(deriveEventType({}, new Headers())).toBeNull();
  });

  it("reads the provider's attempt counter when it is a number", () => {
    expect(deriveProviderAttempt(new Headers({ "webhook-attempt": "3" }))).toBe(3);
    expect(deriveProviderAttempt(new Headers({ "X-Delivery-Attempt": " 2 " }))).toBe(2);
    expect(deriveProviderAttempt(new Headers({ "x-delivery-attempt": "two" }))).toBeNull();
    expect(deriveProviderAttempt(new Headers())).toBeNull();
  });
});
