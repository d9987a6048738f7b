import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PRESETS } from "@/lib/inbound/providers";
import { TIMESTAMP_TOLERANCE_SECONDS } from "@/lib/inbound/providers/hmac";
import type { CustomSigning, ProviderId, SignatureCheck } from "@/lib/inbound/providers/types";
import { githubSigned, shopifySigned, slackSigned, standardSigned, stripeSigned, svixSigned, type Signed } from "@/tests/support/provider-signing";

const NOW = Date.parse("2030-06-01T12:00:00Z");
const TEXT_SECRET = "it's a secret to everybody";
const WHSEC = `whsec_${Buffer.alloc(24, 1).toString("base64")}`;
const OTHER_WHSEC = `whsec_${Buffer.alloc(24, 2).toString("base64")}`;
const CUSTOM: CustomSigning = { header: "x-signature-256", prefix: "sha256=", encoding: null };
const BODY = '{"id":"evt_1","type":"invoice.paid","data":{"amount":42}}';

function check(provider: ProviderId, signed: Signed, secrets: string[], now = NOW, custom = CUSTOM): SignatureCheck {
  const body = typeof signed.body === "string" ? Buffer.from(signed.body) : signed.body;
  return PRESETS[provider].verify({ body, headers: new Headers(signed.headers), secrets, now, custom });
}

const tamper = (s: Signed): Signed => ({ ...s, body: String(s.body).replace("42", "43") });

/** Each preset with a request its provider would send, signed with `secret` at `at`. */
const CASES: { provider: ProviderId; secret: string; other: string; sign: (secret: string, at: number) => Signed | Promise<Signed>; timestamped: boolean }[] = [
  { provider: "stripe", secret: "whsec_stripe_test_secret", other: "whsec_another", sign: (s, at) => stripeSigned(s, BODY, at), timestamped: true },
  { provider: "github", secret: TEXT_SECRET, other: "another secret", sign: (s) => githubSigned(s, BODY, {}), timestamped: false },
  { provider: "shopify", secret: TEXT_SECRET, other: "another secret", sign: (s) => shopifySigned(s, BODY, {}), timestamped: false },
  { provider: "slack", secret: "8f742231b10e8888abcd99yyyzzz85a5", other: "another secret", sign: (s, at) => slackSigned(s, BODY, at), timestamped: true },
  { provider: "svix", secret: WHSEC, other: OTHER_WHSEC, sign: (s, at) => svixSigned(s, "msg_1", BODY, at), timestamped: true },
  { provider: "standard_webhooks", secret: WHSEC, other: OTHER_WHSEC, sign: (s, at) => standardSigned(s, "msg_1", BODY, at), timestamped: true },
];

describe.each(CASES)("the $provider preset", ({ provider, secret, other, sign, timestamped }) => {
  it("accepts a request signed by the provider's own scheme", async () => {
    expect(check(provider, await sign(secret, NOW), [secret])).toEqual({ ok: true });
  });

  it("refuses a tampered body, a wrong secret, and no secret at all", async () => {
    const signed = await sign(secret, NOW);
    expect(check(provider, tamper(signed), [secret])).toEqual({ ok: false, reason: "Signature does not match" });
    expect(check(provider, await sign(other, NOW), [secret])).toEqual({ ok: false, reason: "Signature does not match" });
    expect(check(provider, signed, [])).toMatchObject({ ok: false, reason: expect.stringMatching(/^No signing secret/) });
  });

  it("accepts the previous secret while a rotation keeps it", async () => {
    expect(check(provider, await sign(other, NOW), [secret, other])).toEqual({ ok: true });
  });

  it("refuses a request without its signature headers", () => {
    expect(check(provider, { body: BODY, headers: {} }, [secret])).toMatchObject({ ok: false, reason: expect.stringMatching(/^Missing /) });
  });

  it.runIf(timestamped)("takes timestamps within 5 minutes either way and refuses older or newer ones", async () => {
    const edge = TIMESTAMP_TOLERANCE_SECONDS * 1000;
    expect(check(provider, await sign(secret, NOW - edge), [secret])).toEqual({ ok: true });
    expect(check(provider, await sign(secret, NOW + edge), [secret])).toEqual({ ok: true });
    expect(check(provider, await sign(secret, NOW - edge - 1000), [secret])).toMatchObject({ ok: false, reason: expect.stringMatching(/^Stale signature.*old/) });
    expect(check(provider, await sign(secret, NOW + edge + 1000), [secret])).toMatchObject({ ok: false, reason: expect.stringMatching(/^Stale signature.*future/) });
  });
});

describe("signatures over the bytes received", () => {
  it("verifies a Latin-1 body over its bytes, not over a decoding of them", () => {
    const bytes = Buffer.from('{"name":"Zoë"}', "latin1");
    expect(bytes.includes(0xeb)).toBe(true);
    const signature = createHmac("sha256", TEXT_SECRET).update(bytes).digest("base64");
    expect(check("shopify", { body: bytes, headers: { "x-shopify-hmac-sha256": signature } }, [TEXT_SECRET])).toEqual({ ok: true });
  });

  it("Stripe: accepts any of several v1 signatures (a secret roll) and ignores v0", () => {
    const good = stripeSigned("whsec_new", BODY, NOW).headers["stripe-signature"];
    const [t, v1] = good.split(",");
    const header = `${t},v1=${"0".repeat(64)},v0=abc,${v1}`;
    expect(check("stripe", { body: BODY, headers: { "stripe-signature": header } }, ["whsec_new"])).toEqual({ ok: true });
    expect(check("stripe", { body: BODY, headers: { "stripe-signature": `${t},v0=abc` } }, ["whsec_new"])).toMatchObject({ ok: false, reason: expect.stringContaining("v1") });
  });

  it("Svix and Standard Webhooks take either header family", () => {
    const svix = svixSigned(WHSEC, "msg_1", BODY, NOW);
    const standard = standardSigned(WHSEC, "msg_1", BODY, NOW);
    for (const provider of ["svix", "standard_webhooks"] as const) {
      expect(check(provider, svix, [WHSEC])).toEqual({ ok: true });
      expect(check(provider, standard, [WHSEC])).toEqual({ ok: true });
    }
  });

  it("a whsec_ preset with a secret that is not whsec_ matches nothing rather than failing", () => {
    expect(check("standard_webhooks", standardSigned(WHSEC, "m", BODY, NOW), ["not-a-whsec-secret"])).toEqual({ ok: false, reason: "Signature does not match" });
  });

  it("custom: the named header, prefix and encoding", () => {
    const hex = createHmac("sha256", TEXT_SECRET).update(BODY).digest("hex");
    const b64 = createHmac("sha256", TEXT_SECRET).update(BODY).digest("base64");
    const custom = (encoding: CustomSigning["encoding"]): CustomSigning => ({ header: "x-acme-sig", prefix: "v1=", encoding });
    expect(check("custom", { body: BODY, headers: { "x-acme-sig": `v1=${hex}` } }, [TEXT_SECRET], NOW, custom(null))).toEqual({ ok: true });
    expect(check("custom", { body: BODY, headers: { "x-acme-sig": b64 } }, [TEXT_SECRET], NOW, custom(null))).toEqual({ ok: true });
    expect(check("custom", { body: BODY, headers: { "x-acme-sig": `v1=${hex}` } }, [TEXT_SECRET], NOW, custom("hex"))).toEqual({ ok: true });
    expect(check("custom", { body: BODY, headers: { "x-acme-sig": `v1=${hex}` } }, [TEXT_SECRET], NOW, custom("base64")).ok).toBe(false);
    expect(check("custom", { body: BODY, headers: { "x-signature-256": `v1=${hex}` } }, [TEXT_SECRET], NOW, custom(null))).toMatchObject({ ok: false, reason: "Missing x-acme-sig header" });
  });

  it("none checks nothing", () => {
    expect(check("none", { body: BODY, headers: {} }, [])).toEqual({ ok: true });
  });
});

describe("provider attempt counters", () => {
  it("reads Slack's retry number as the attempt after it, and the generic headers elsewhere", () => {
    expect(PRESETS.slack.attempt(new Headers({ "x-slack-retry-num": "1" }))).toBe(2);
    expect(PRESETS.slack.attempt(new Headers())).toBeNull();
    expect(PRESETS.none.attempt(new Headers({ "webhook-attempt": "3" }))).toBe(3);
    expect(PRESETS.none.attempt(new Headers({ "X-Delivery-Attempt": " 2 " }))).toBe(2);
    expect(PRESETS.none.attempt(new Headers({ "x-delivery-attempt": "two" }))).toBeNull();
  });
});
