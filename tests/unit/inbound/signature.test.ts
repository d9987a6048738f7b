import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { PRESETS, presetOf } from "@/lib/inbound/providers";
import { activeSecrets, verifySignature, type SourceSigning } from "@/lib/inbound/signature";

const SECRET = `whsec_${Buffer.alloc(24, 1).toString("base64")}`;
const OLD_SECRET = `whsec_${Buffer.alloc(24, 2).toString("base64")}`;
const NOW = Date.parse("2030-06-01T12:00:00Z");
const BODY = '{"type":"ping"}';

function source(overrides: Partial<SourceSigning> = {}): SourceSigning {
  return { secret: SECRET, previousSecret: null, previousSecretExpiresAt: null, signatureHeader: null, signaturePrefix: null, signatureEncoding: null, ...overrides };
}

function signed(secret: string, at = NOW, id = "msg_1", body = BODY): Headers {
  return new Headers({ "webhook-id": id, "webhook-timestamp": String(Math.floor(at / 1000)), "webhook-signature": new Webhook(secret).sign(id, new Date(at), body) });
}

const standard = (s: SourceSigning, body: string, headers: Headers, now = NOW) => verifySignature(PRESETS.standard_webhooks, s, Buffer.from(body), headers, now);
const custom = (s: SourceSigning, body: string, headers: Headers) => verifySignature(PRESETS.custom, s, Buffer.from(body), headers, NOW);

describe("Standard Webhooks verification of a source", () => {
  it("accepts a signature from the reference library and refuses another body or id", () => {
    expect(standard(source(), BODY, signed(SECRET))).toEqual({ ok: true });
    expect(standard(source(), '{"type":"pong"}', signed(SECRET))).toEqual({ ok: false, reason: "Signature does not match" });
    const h = signed(SECRET);
    h.set("webhook-id", "msg_2");
    expect(standard(source(), BODY, h).ok).toBe(false);
  });

  it("accepts any matching v1 signature among several and ignores other versions", () => {
    const h = signed(SECRET);
    const good = h.get("webhook-signature") as string;
    h.set("webhook-signature", `v1,AAAA v2,${good.slice(3)} ${good}`);
    expect(standard(source(), BODY, h).ok).toBe(true);
    h.set("webhook-signature", `v2,${good.slice(3)}`);
    expect(standard(source(), BODY, h).ok).toBe(false);
  });

  it("accepts the previous secret until it expires", () => {
    const rotating = source({ previousSecret: OLD_SECRET, previousSecretExpiresAt: new Date(NOW + 1_000) });
    expect(standard(rotating, BODY, signed(OLD_SECRET)).ok).toBe(true);
    expect(standard(rotating, BODY, signed(OLD_SECRET, NOW + 1_000), NOW + 1_000).ok).toBe(false);
    expect(activeSecrets(rotating, NOW + 1_000)).toEqual([SECRET]);
  });

  it("refuses a malformed timestamp, and a secret it cannot decode without throwing", () => {
    const h = signed(SECRET);
    h.set("webhook-timestamp", "12.5");
    expect(standard(source(), BODY, h)).toEqual({ ok: false, reason: "The webhook-timestamp header is not a Unix time in seconds" });
    expect(standard(source({ secret: "whsec_!!!" }), BODY, signed(SECRET))).toEqual({ ok: false, reason: "Signature does not match" });
  });

  it("does not parse the body: a valid signature over invalid JSON is still a valid signature", () => {
    expect(standard(source(), "{not json", signed(SECRET, NOW, "msg_1", "{not json")).ok).toBe(true);
  });
});

describe("a custom source's signing settings", () => {
  const hmacSource = (overrides: Partial<SourceSigning> = {}) => source({ secret: "shh", ...overrides });
  const digest = (secret: string, enc: "hex" | "base64") => createHmac("sha256", secret).update(BODY).digest(enc);

  it("defaults to x-signature-256 with sha256=, hex (any case) or base64", () => {
    for (const value of [`sha256=${digest("shh", "hex")}`, digest("shh", "hex").toUpperCase(), digest("shh", "base64")]) {
      expect(custom(hmacSource(), BODY, new Headers({ "x-signature-256": value }))).toEqual({ ok: true });
    }
  });

  it("reads the configured header, prefix and encoding", () => {
    const s = hmacSource({ signatureHeader: "x-acme-signature", signaturePrefix: "", signatureEncoding: "base64" });
    expect(custom(s, BODY, new Headers({ "x-acme-signature": digest("shh", "base64") })).ok).toBe(true);
    expect(custom(s, BODY, new Headers({ "x-acme-signature": digest("shh", "hex") })).ok).toBe(false);
    expect(custom(s, BODY, new Headers({ "x-signature-256": digest("shh", "base64") }))).toEqual({ ok: false, reason: "Missing x-acme-signature header" });
  });
});

describe("stored presets", () => {
  it("reads the scheme stored before presets existed as custom, and knows no others", () => {
    expect(presetOf("hmac_sha256")?.id).toBe("custom");
    expect(presetOf("stripe")?.id).toBe("stripe");
    expect(presetOf("rot13")).toBeUndefined();
    expect(presetOf("toString")).toBeUndefined();
  });
});
