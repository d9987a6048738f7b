import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors/app-error";
import { readEvent } from "@/lib/inbound/parse-event";
import { PRESETS } from "@/lib/inbound/providers";
import type { ProviderId } from "@/lib/inbound/providers/types";

const read = (provider: ProviderId, body: string, headers: Record<string, string> = {}, format: "json" | "form" = "json") =>
  readEvent(PRESETS[provider], Buffer.from(body), new Headers({ "content-type": format === "json" ? "application/json" : "application/x-www-form-urlencoded", ...headers }), format);

const refusal = (f: () => unknown): { status: number; message: string } => {
  try {
    f();
  } catch (err) {
    return { status: (err as AppError).status, message: (err as AppError).message };
  }
  throw new Error("expected a refusal");
};

describe("readEvent", () => {
  it("answers Slack's url_verification with its challenge instead of an event", () => {
    expect(read("slack", '{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}')).toEqual({
      kind: "handshake",
      answer: { status: 200, body: '{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}' },
    });
    expect(read("slack", "ssl_check=1&token=t", {}, "form")).toMatchObject({ kind: "handshake", answer: { status: 200 } });
    // Only the Slack preset knows the handshake: elsewhere it is an event like any other.
    expect(read("none", '{"type":"url_verification","challenge":"c"}')).toMatchObject({ kind: "event" });
  });

  it("reads a Slack slash command form into JSON with its trigger_id as key and the command as type", () => {
    const result = read("slack", "command=%2Fdeploy&text=api&trigger_id=13345.73847&user_id=U1", {}, "form");
    expect(result).toMatchObject({ kind: "event", event: { key: { key: "13345.73847", source: "body.trigger_id" }, eventType: "/deploy" } });
    if (result.kind === "event") expect(JSON.parse(result.event.text)).toEqual({ command: "/deploy", text: "api", trigger_id: "13345.73847", user_id: "U1" });
  });

  it("reads GitHub's form option as the JSON in its payload field", () => {
    const json = '{"zen":"Design for failure.","hook_id":1}';
    const result = read("github", `payload=${encodeURIComponent(json)}`, { "x-github-event": "ping", "x-github-delivery": "d-1" }, "form");
    expect(result).toMatchObject({ kind: "event", event: { text: json, key: { key: "d-1" }, eventType: "ping" } });
  });

  it("keeps the common headers and the preset's provider headers, nothing else", () => {
    const result = read("shopify", '{"id":1}', { "x-shopify-topic": "orders/create", "x-shopify-shop-domain": "a.myshopify.com", "x-shopify-hmac-sha256": "sig", cookie: "c=1", "user-agent": "Shopify-Captain-Hook" });
    expect(result.kind === "event" && result.event.headers).toEqual({
      "content-type": "application/json",
      "user-agent": "Shopify-Captain-Hook",
      "x-shopify-topic": "orders/create",
      "x-shopify-shop-domain": "a.myshopify.com",
    });
  });

  it.each([
    ["a lone surrogate in the id", '{"id":"a\\ud800b"}', "idempotency key"],
    ["a NUL in the id", '{"id":"a\\u0000b"}', "idempotency key"],
    ["a lone low surrogate in the type", '{"id":"a","type":"t\\udc00"}', "event type"],
    ["a NUL in the type", '{"id":"a","type":"t\\u0000"}', "event type"],
  ])("refuses %s with 400, as text the databases cannot store", (_name, body, what) => {
    expect(refusal(() => read("none", body))).toMatchObject({ status: 400, message: expect.stringContaining(what) });
  });

  it("accepts a surrogate pair (an emoji) in an id", () => {
    expect(read("none", '{"id":"\\ud83d\\ude00"}')).toMatchObject({ kind: "event", event: { key: { key: "😀" } } });
  });

  it.each([
    ["invalid JSON", "{", 400],
    ["a JSON array", "[1]", 400],
    ["an id over 255 characters", JSON.stringify({ id: "k".repeat(256) }), 400],
  ])("refuses %s", (_name, body, status) => {
    expect(refusal(() => read("none", body)).status).toBe(status);
  });
});
