import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { activeSecrets, verifySignature, type SourceSigning } from "@/lib/inbound/signature";

const SECRET = `whsec_${Buffer.alloc(24, 1).toString("base64")}`;
const OLD_SECRET = `whsec_${Buffer.alloc(24, 2).toString("base64")}`;
const NOW = Date.parse("2030-06-01T12:00:00Z");
const BODY = '{"type":"ping"}';

function source(overrides: Partial<SourceSigning> = {}): SourceSigning {
  return { signingScheme: "standard_webhooks", secret: SECRET, previousSecret: null, previousSecretExpiresAt: null, signatureHeader: null, signaturePrefix: null, ...overrides };
}

function signed(secret: string, at = NOW, id = "msg_1", body = BODY): Headers {
  return new Headers({ "webhook-id": id, "webhook-timestamp": String(Math.floor(at / 1000)), "webhook-signature": new Webhook(secret).sign(id, new Date(at), body) });
}

describe("Standard Webhooks verification", () => {
  it("accepts a signature from the reference library", () => {
    expect(verifySignature(source(), BODY, signed(SECRET), NOW)).toEqual({ ok: true });
  });

  it("refuses another body, another id or another secret", () => {
    expect(verifySignature(source(), '{"type":"pong"}', signed(SECRET), NOW)).toEqual({ ok: false, reason: "Signature does not match" });
    const h = signed(SECRET);
    h.set("webhook-id", "msg_2");
    expect(verifySignature(source(), BODY, h, NOW).ok).toBe(false);
    expect(verifySignature(source(), BODY, signed(OLD_SECRET), NOW).ok).toBe(false);
  });

  it("checks the 5-minute tolerance against the given clock, both ways", () => {
    expect(verifySignature(source(), BODY, signed(SECRET, NOW - 300_000), NOW).ok).toBe(true);
    expect(verifySignature(source(), BODY, signed(SECRET, NOW - 301_000), NOW)).toEqual({ ok: false, reason: "Stale signature: the timestamp is more than 5 minutes old" });
    expect(verifySignature(source(), BODY, signed(SECRET, NOW + 301_000), NOW)).toEqual({ ok: false, reason: "Stale signature: the timestamp is more than 5 minutes in the future" });
  });

  it("accepts any matching v1 signature among several and ignores other versions", () => {
    const h = signed(SECRET);
    const good = h.get("webhook-signature") as string;
    h.set("webhook-signature", `v1,AAAA v2,${good.slice(3)} ${good}`);
    expect(verifySignature(source(), BODY, h, NOW).ok).toBe(true);
    h.set("webhook-signature", `v2,${good.slice(3)}`);
    expect(verifySignature(source(), BODY, h, NOW).ok).toBe(false);
  });

  it("accepts the previous secret until it expires", () => {
    const rotating = source({ previousSecret: OLD_SECRET, previousSecretExpiresAt: new Date(NOW + 1_000) });
    expect(verifySignature(rotating, BODY, signed(OLD_SECRET), NOW).ok).toBe(true);
    expect(verifySignature(rotating, BODY, signed(OLD_SECRET, NOW + 1_000), NOW + 1_000).ok).toBe(false);
    expect(activeSecrets(rotating, NOW + 1_000)).toEqual([SECRET]);
  });

  it("refuses missing headers, a malformed timestamp, and a secret it cannot decode without throwing", () => {
    expect(verifySignature(source(), BODY, new Headers(), NOW).ok).toBe(false);
    const h = signed(SECRET);
    h.set("webhook-timestamp", "12.5");
    expect(verifySignature(source(), BODY, h, NOW).ok).toBe(false);
    expect(verifySignature(source({ secret: "whsec_!!!" }), BODY, signed(SECRET), NOW)).toEqual({ ok: false, reason: "Signature does not match" });
    expect(verifySignature(source({ secret: null }), BODY, signed(SECRET), NOW)).toEqual({ ok: false, reason: "No signing secret is configured for this source" });
  });

  it("does not parse the body: a valid signature over invalid JSON is still a valid signature", () => {
    expect(verifySignature(source(), "{not json", signed(SECRET, NOW, "msg_1", "{not json"), NOW).ok).toBe(true);
  });
});

describe("HMAC-SHA256 verification", () => {
  const hmacSource = (overrides: Partial<SourceSigning> = {}) => source({ signingScheme: "hmac_sha256", secret: "shh", ...overrides });
  const digest = (secret: string, enc: "hex" | "base64") => createHmac("sha256", secret).update(BODY).digest(enc);

  it("accepts hex (any case) or base64, with or without the prefix, in the default header", () => {
    for (const value of [`sha256=${digest("shh", "hex")}`, digest("shh", "hex").toUpperCase(), digest("shh", "base64")]) {
      expect(verifySignature(hmacSource(), BODY, new Headers({ "x-signature-256": value }), NOW)).toEqual({ ok: true });
    }
  });

  it("reads the configured header and prefix", () => {
    const s = hmacSource({ signatureHeader: "X-Shopify-Hmac-Sha256", signaturePrefix: "" });
    expect(verifySignature(s, BODY, new Headers({ "x-shopify-hmac-sha256": digest("shh", "base64") }), NOW).ok).toBe(true);
    expect(verifySignature(s, BODY, new Headers({ "x-signature-256": digest("shh", "base64") }), NOW)).toEqual({ ok: false, reason: "Missing x-shopify-hmac-sha256 header" });
  });

  it("refuses a digest over another body or with another secret", () => {
    expect(verifySignature(hmacSource(), `${BODY} `, new Headers({ "x-signature-256": digest("shh", "hex") }), NOW).ok).toBe(false);
    expect(verifySignature(hmacSource(), BODY, new Headers({ "x-signature-256": digest("other", "hex") }), NOW).ok).toBe(false);
  });

  it("accepts the previous secret during a rotation", () => {
    const s = hmacSource({ secret: "new", previousSecret: "shh", previousSecretExpiresAt: new Date(NOW + 60_000) });
    expect(verifySignature(s, BODY, new Headers({ "x-signature-256": digest("shh", "hex") }), NOW).ok).toBe(true);
  });
});

describe("other schemes", () => {
  it("accepts anything when the source does not sign, and refuses an unknown scheme", () => {
    expect(verifySignature(source({ signingScheme: "none" }), BODY, new Headers(), NOW)).toEqual({ ok: true });
    expect(verifySignature(source({ signingScheme: "rot13" }), BODY, new Headers(), NOW).ok).toBe(false);
  });
});
