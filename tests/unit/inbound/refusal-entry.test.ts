import { describe, expect, it } from "vitest";
import { EXCERPT_BYTES, refusalEntry } from "@/lib/inbound/refusal-entry";
import { forwardedHeaders, parseSourceHeaders } from "@/lib/inbound/forwarded-headers";
import { PRESET_INFO } from "@/lib/inbound/providers/catalog";

const SECRET = "s3cr3t-value-of-the-source";

describe("refusalEntry", () => {
  const base = { sourceId: "src", status: 401, code: "invalid_signature", reason: "Signature does not match", secrets: [SECRET], now: 1_000 };

  it("keeps the headers but redacts credentials, signatures and anything holding a secret", () => {
    const headers = new Headers({
      "content-type": "application/json",
      authorization: "Bearer abc",
      "x-hub-signature-256": "sha256=00",
      "x-gitlab-token": "tok",
      "x-custom": `prefix ${SECRET}`,
      "x-hookrelay-actor": "internal",
      "user-agent": "GitHub-Hookshot/1",
    });
    const entry = refusalEntry({ ...base, headers, body: Buffer.from("{}") });
    expect(entry.headers).toEqual({
      "content-type": "application/json",
      authorization: "[redacted, 10 characters]",
      "x-hub-signature-256": "[redacted, 9 characters]",
      "x-gitlab-token": "[redacted, 3 characters]",
      "x-custom": `[redacted, ${SECRET.length + 7} characters]`,
      "user-agent": "GitHub-Hookshot/1",
    });
    expect(JSON.stringify(entry)).not.toContain(SECRET);
  });

  it("keeps the first KiB of the body as text, without NULs or secrets, and its full size", () => {
    const body = Buffer.concat([Buffer.from(`{"k":"${SECRET}","nul":"`), Buffer.from([0]), Buffer.alloc(2000, 0x61)]);
    const entry = refusalEntry({ ...base, headers: new Headers(), body });
    expect(entry.bodyBytes).toBe(body.length);
    expect(entry.bodyExcerpt).not.toContain(SECRET);
    expect(entry.bodyExcerpt).toContain("[secret]");
    expect(entry.bodyExcerpt).not.toContain("\u0000");
    expect(Buffer.byteLength(entry.bodyExcerpt)).toBeLessThanOrEqual(EXCERPT_BYTES + "[secret]".length);
  });

  it("records the declared size of a body refused unread", () => {
    expect(refusalEntry({ ...base, status: 413, headers: new Headers(), body: new Uint8Array(), declaredBytes: 5_000_000 })).toMatchObject({ bodyBytes: 5_000_000, bodyExcerpt: "" });
  });
});

describe("forwarded source headers", () => {
  it("names the source and sends the preset's provider headers without their x-", () => {
    const kept = { "content-type": "application/json", "x-shopify-topic": "orders/updated", "x-shopify-shop-domain": "shop.myshopify.com", "x-other": "no" };
    expect(forwardedHeaders("shop", PRESET_INFO.shopify, kept)).toEqual({
      "x-hookrelay-source": "shop",
      "x-hookrelay-source-shopify-topic": "orders/updated",
      "x-hookrelay-source-shopify-shop-domain": "shop.myshopify.com",
    });
  });

  it("leaves out a value that is not printable ASCII", () => {
    expect(forwardedHeaders("gh", PRESET_INFO.github, { "x-github-event": "pushé" })).toEqual({ "x-hookrelay-source": "gh" });
  });

  it("reads back only source headers from a stored message", () => {
    expect(parseSourceHeaders('{"x-hookrelay-source":"a","webhook-id":"forged","x-hookrelay-source-github-event":"push"}')).toEqual({ "x-hookrelay-source": "a", "x-hookrelay-source-github-event": "push" });
    expect(parseSourceHeaders(null)).toEqual({});
    expect(parseSourceHeaders("{")).toEqual({});
  });
});
