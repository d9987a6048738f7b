import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, indentJson, topLevelNumberText } from "@/lib/inbound/canonical-json";
import { contentHashKey, deriveEventType, deriveIdempotencyKey, InvalidIdempotencyKeyError, MAX_EVENT_TYPE_LENGTH, MAX_KEY_LENGTH } from "@/lib/inbound/idempotency-key";
import { PRESET_INFO } from "@/lib/inbound/providers/catalog";
import type { ReceivedEvent } from "@/lib/inbound/providers/types";

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

const event = (text: string, headers: Record<string, string> = {}): ReceivedEvent => ({ text, body: JSON.parse(text) as Record<string, unknown>, headers: new Headers(headers) });

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order and drops whitespace", () => {
    expect(canonicalJson('{ "b": 1, "a": [ {"d": 1, "c": 2}, 3 ] }')).toBe('{"a":[{"c":2,"d":1},3],"b":1}');
  });

  it("keeps every digit of a number and writes each string one way", () => {
    expect(canonicalJson('{"n":820982911946154508,"f":1.10,"s":"\\u0041\\/"}')).toBe('{"f":1.10,"n":820982911946154508,"s":"A/"}');
  });

  it("keeps the last of a repeated key, as JSON.parse does", () => {
    expect(canonicalJson('{"a":1,"b":2,"a":3}')).toBe('{"a":3,"b":2}');
  });

  it("reads strings holding quotes, backslashes and brackets", () => {
    const text = JSON.stringify({ z: 'a"b\\', y: "}{][,:" });
    expect(JSON.parse(canonicalJson(text))).toEqual(JSON.parse(text));
  });

  it("does not recurse: a body nested 100 000 deep is canonicalised", () => {
    const deep = `${'{"a":['.repeat(100_000)}1${"]}".repeat(100_000)}`;
    expect(canonicalJson(deep)).toBe(deep);
  });

  it("is the same for any key order and means the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(canonicalJson(JSON.stringify(reversedKeys(value)))).toBe(canonicalJson(text));
        expect(JSON.parse(canonicalJson(text))).toEqual(JSON.parse(text));
      }),
    );
  });
});

describe("topLevelNumberText", () => {
  it("finds a top-level number's digits, not a nested one's or a string's", () => {
    expect(topLevelNumberText('{"data":{"id":1},"id":820982911946154509}', "id")).toBe("820982911946154509");
    expect(topLevelNumberText('{"data":{"id":1}}', "id")).toBeUndefined();
    expect(topLevelNumberText('{"id":"7"}', "id")).toBeUndefined();
    expect(topLevelNumberText('{"list":[{"id":5}],"id":-1.5e3}', "id")).toBe("-1.5e3");
  });
});

describe("deriveIdempotencyKey", () => {
  const generic = PRESET_INFO.none.keyRules;

  it("takes the generic rules in order: id headers before the body's id", () => {
    const all = { "webhook-id": "w", "idempotency-key": "i", "x-event-id": "x" };
    expect(deriveIdempotencyKey(event('{"id":"a","event_id":"b"}', all), generic)).toEqual({ key: "w", source: "header.webhook-id" });
    expect(deriveIdempotencyKey(event('{"id":"a"}', { "idempotency-key": "i", "x-event-id": "x" }), generic)).toEqual({ key: "i", source: "header.idempotency-key" });
    expect(deriveIdempotencyKey(event('{"id":"a"}', { "x-event-id": "x" }), generic)).toEqual({ key: "x", source: "header.x-event-id" });
    expect(deriveIdempotencyKey(event('{"id":"a","event_id":"b"}'), generic)).toEqual({ key: "a", source: "body.id" });
    expect(deriveIdempotencyKey(event('{"event_id":"b"}'), generic)).toEqual({ key: "b", source: "body.event_id" });
  });

  it("never takes X-Request-Id, which proxies set anew on every request", () => {
    expect(deriveIdempotencyKey(event('{"a":1}', { "x-request-id": "r1" }), generic).source).toBe("content_hash");
    for (const info of Object.values(PRESET_INFO)) expect(info.keyRules.some((r) => r.includes("request-id"))).toBe(false);
  });

  it("keeps every digit of a large numeric id", () => {
    const a = deriveIdempotencyKey(event('{"id":820982911946154508}'), generic);
    const b = deriveIdempotencyKey(event('{"id":820982911946154509}'), generic);
    expect(a).toEqual({ key: "820982911946154508", source: "body.id" });
    expect(b.key).toBe("820982911946154509");
  });

  it("skips ids that cannot be keys: blank, objects, booleans; trims the rest", () => {
    expect(deriveIdempotencyKey(event('{"id":"  ","event_id":{"x":1}}'), generic).source).toBe("content_hash");
    expect(deriveIdempotencyKey(event('{"id":true}'), generic).source).toBe("content_hash");
    expect(deriveIdempotencyKey(event('{"id":" evt_1 "}'), generic)).toEqual({ key: "evt_1", source: "body.id" });
  });

  it("keys by preset: Shopify's event id, never the order id in the body", () => {
    const shopify = event('{"id":820982911946154508}', { "x-shopify-webhook-id": "wh-1", "x-shopify-event-id": "ev-1" });
    expect(deriveIdempotencyKey(shopify, PRESET_INFO.shopify.keyRules)).toEqual({ key: "ev-1", source: "header.x-shopify-event-id" });
    expect(deriveIdempotencyKey(event('{"id":1}', { "x-shopify-webhook-id": "wh-1" }), PRESET_INFO.shopify.keyRules)).toEqual({ key: "wh-1", source: "header.x-shopify-webhook-id" });
  });

  it("keys a Standard Webhooks request by webhook-id although its body has an id", () => {
    expect(deriveIdempotencyKey(event('{"id":"body"}', { "webhook-id": "msg_1" }), PRESET_INFO.standard_webhooks.keyRules)).toEqual({ key: "msg_1", source: "header.webhook-id" });
    expect(deriveIdempotencyKey(event('{"id":"body"}', { "svix-id": "msg_2" }), PRESET_INFO.svix.keyRules)).toEqual({ key: "msg_2", source: "header.svix-id" });
  });

  it("keys Slack events by event_id and commands by trigger_id", () => {
    expect(deriveIdempotencyKey(event('{"event_id":"Ev1","trigger_id":"t"}'), PRESET_INFO.slack.keyRules)).toEqual({ key: "Ev1", source: "body.event_id" });
    expect(deriveIdempotencyKey(event('{"command":"/deploy","trigger_id":"13345224609.738474920.8088930838d88f008e0"}'), PRESET_INFO.slack.keyRules).source).toBe("body.trigger_id");
  });

  it("falls back to 32 hex characters of SHA-256 over the canonical JSON", () => {
    const key = deriveIdempotencyKey(event('{"b":2,"a":1}'), generic);
    // sha256('{"a":1,"b":2}')
    expect(key).toEqual({ key: "43258cff783fe7036d8a43033f830adf", source: "content_hash" });
    expect(contentHashKey('{"a":1,"b":3}')).not.toBe(key.key);
    expect(contentHashKey('{"n":820982911946154508}')).not.toBe(contentHashKey('{"n":820982911946154509}'));
  });

  it("refuses a key longer than the limit", () => {
    expect(deriveIdempotencyKey(event(JSON.stringify({ id: "k".repeat(MAX_KEY_LENGTH) })), generic).key).toHaveLength(MAX_KEY_LENGTH);
    expect(() => deriveIdempotencyKey(event("{}", { "x-event-id": "k".repeat(MAX_KEY_LENGTH + 1) }), generic)).toThrow(InvalidIdempotencyKeyError);
  });
});

describe("deriveEventType", () => {
  it("reads the generic body fields first, then the type headers", () => {
    const rules = PRESET_INFO.none.typeRules;
    expect(deriveEventType(event('{"type":"a.b","event_type":"x"}', { "x-event-type": "h" }), rules)).toBe("a.b");
    expect(deriveEventType(event('{"eventType":"c"}'), rules)).toBe("c");
    expect(deriveEventType(event('{"type":3}', { "x-github-event": "push" }), rules)).toBe("push");
    expect(deriveEventType(event("{}"), rules)).toBeNull();
  });

  it("reads the preset's place: Shopify's topic header, Slack's nested event type or command", () => {
    expect(deriveEventType(event('{"id":1}', { "x-shopify-topic": "orders/updated" }), PRESET_INFO.shopify.typeRules)).toBe("orders/updated");
    expect(deriveEventType(event('{"type":"event_callback","event":{"type":"app_mention"}}'), PRESET_INFO.slack.typeRules)).toBe("app_mention");
    expect(deriveEventType(event('{"command":"/deploy"}'), PRESET_INFO.slack.typeRules)).toBe("/deploy");
    expect(deriveEventType(event('{"type":"block_actions"}'), PRESET_INFO.slack.typeRules)).toBe("block_actions");
  });

  it("cuts a long type without splitting a surrogate pair", () => {
    const type = `${"t".repeat(MAX_EVENT_TYPE_LENGTH - 1)}😀`;
    expect(deriveEventType(event(JSON.stringify({ type })), PRESET_INFO.none.typeRules)).toBe("t".repeat(MAX_EVENT_TYPE_LENGTH - 1));
  });
});

describe("indentJson", () => {
  it("indents like JSON.stringify(…, null, 2) but keeps every digit and the key order", () => {
    expect(indentJson('{"id":820982911946154508,"a":[],"b":{},"c":[1,{"d":"x,y:}"}]}')).toBe(
      '{\n  "id": 820982911946154508,\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    {\n      "d": "x,y:}"\n    }\n  ]\n}',
    );
    expect(indentJson("not json")).toBe("not json");
  });

  it("matches JSON.stringify for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(indentJson(text)).toBe(JSON.stringify(JSON.parse(text), null, 2));
      }),
    );
  });
});
