import { describe, expect, it } from "vitest";
import { createSourceSchema, rotateSecretSchema, signingIssues, toSourceView, updateSourceSchema } from "@/lib/inbound/source-schema";
import { generateSecret, secretHint } from "@/lib/inbound/source-secret";
import type { InboundSource } from "@/lib/db/client";

const issuesOf = (input: unknown) => createSourceSchema.safeParse(input).error?.issues.map((i) => i.path.join(".")) ?? [];

describe("createSourceSchema", () => {
  it("fills in the defaults", () => {
    expect(createSourceSchema.parse({ name: "stripe" })).toEqual({ name: "stripe", provider: "none", idempotencyTtlSeconds: 86_400 });
  });

  it.each(["a", "0abc", "my_source-1", "x".repeat(63)])("accepts the name %s", (name) => {
    expect(issuesOf({ name })).toEqual([]);
  });

  it.each(["", "-a", "_a", "Stripe", "a b", "a/b", "x".repeat(64), "ünï"])("refuses the name %j", (name) => {
    expect(issuesOf({ name })).toEqual(["name"]);
  });

  it("bounds the TTL to 60 seconds .. 30 days and the rate limit to positive integers", () => {
    expect(issuesOf({ name: "a", idempotencyTtlSeconds: 60 })).toEqual([]);
    expect(issuesOf({ name: "a", idempotencyTtlSeconds: 30 * 86_400 })).toEqual([]);
    expect(issuesOf({ name: "a", idempotencyTtlSeconds: 59 })).toEqual(["idempotencyTtlSeconds"]);
    expect(issuesOf({ name: "a", idempotencyTtlSeconds: 30 * 86_400 + 1 })).toEqual(["idempotencyTtlSeconds"]);
    expect(issuesOf({ name: "a", rateLimitPerSecond: 0 })).toEqual(["rateLimitPerSecond"]);
    expect(issuesOf({ name: "a", rateLimitPerSecond: 1.5 })).toEqual(["rateLimitPerSecond"]);
  });

  it("checks the secret and the custom fields against the preset", () => {
    expect(issuesOf({ name: "a", secret: "x".repeat(20) })).toEqual(["secret"]);
    expect(issuesOf({ name: "a", provider: "standard_webhooks", secret: "plain-text-secret" })).toEqual(["secret"]);
    expect(issuesOf({ name: "a", provider: "svix", secret: `whsec_${Buffer.alloc(8).toString("base64")}` })).toEqual(["secret"]);
    expect(issuesOf({ name: "a", provider: "svix", secret: `whsec_${Buffer.alloc(24).toString("base64")}` })).toEqual([]);
    expect(issuesOf({ name: "a", provider: "stripe", secret: "whsec_anything_stripe_made" })).toEqual([]);
    expect(issuesOf({ name: "a", provider: "github", signatureHeader: "x-sig" })).toEqual(["signatureHeader"]);
    expect(issuesOf({ name: "a", provider: "shopify", signatureEncoding: "hex" })).toEqual(["signatureEncoding"]);
    expect(issuesOf({ name: "a", provider: "custom", secret: "short" })).toEqual(["secret"]);
    expect(issuesOf({ name: "a", provider: "custom", secret: "long enough", signatureHeader: "X-Hub-Signature-256", signaturePrefix: "", signatureEncoding: "base64" })).toEqual([]);
    expect(issuesOf({ name: "a", provider: "custom", signatureHeader: "bad header" })).toEqual(["signatureHeader"]);
    expect(issuesOf({ name: "a", provider: "rsa" })).toEqual(["provider"]);
    expect(issuesOf({ name: "a", signingScheme: "none" })).toEqual([""]);
  });

  it("refuses unknown fields", () => {
    expect(issuesOf({ name: "a", colour: "red" })).toEqual([""]);
  });
});

describe("signingIssues, updateSourceSchema and rotate input", () => {
  it("allows clearing the custom fields with null on any preset", () => {
    expect(signingIssues("none", { signatureHeader: null, signaturePrefix: null, signatureEncoding: null })).toEqual([]);
  });

  it("takes a partial update and nulls", () => {
    expect(updateSourceSchema.parse({ rateLimitPerSecond: null, description: null })).toEqual({ rateLimitPerSecond: null, description: null });
    expect(updateSourceSchema.safeParse({ name: "Bad" }).success).toBe(false);
  });

  it("reads no rotate options as the defaults and bounds the old secret's grace", () => {
    expect(rotateSecretSchema.parse({})).toEqual({ previousSecretValidSeconds: 86_400 });
    expect(rotateSecretSchema.parse({ previousSecretValidSeconds: 0 })).toEqual({ previousSecretValidSeconds: 0 });
    expect(rotateSecretSchema.safeParse({ previousSecretValidSeconds: 8 * 86_400 }).success).toBe(false);
  });
});

describe("secrets", () => {
  it("generates secrets in each preset's form, different every time", () => {
    const sw = generateSecret("whsec");
    expect(sw).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(createSourceSchema.safeParse({ name: "a", provider: "standard_webhooks", secret: sw }).success).toBe(true);
    expect(generateSecret("text")).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSecret("text")).not.toBe(generateSecret("text"));
  });

  it("hints at a secret with its last four characters only", () => {
    expect(secretHint("whsec_abcdefgh1234")).toBe("whsec_••••1234");
    expect(secretHint("0123456789abcdef")).toBe("••••cdef");
    expect(secretHint(null)).toBeNull();
  });

  it("shows a previous secret's expiry only while it is still accepted", () => {
    const row: InboundSource = {
      id: "s1",
      name: "default",
      description: null,
      provider: "hmac_sha256",
      secret: "0123456789abcdef",
      previousSecret: "old-secret-value",
      previousSecretExpiresAt: new Date(2_000),
      signatureHeader: "x-signature-256",
      signaturePrefix: "sha256=",
      signatureEncoding: null,
      idempotencyTtlSeconds: 60,
      rateLimitPerSecond: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    };
    const view = toSourceView(row, 1_000);
    expect(view).toMatchObject({ provider: "custom", secretHint: "••••cdef", previousSecretExpiresAt: new Date(2_000), webhookPath: "/api/webhook" });
    expect(JSON.stringify(view)).not.toContain("0123456789abcdef");
    expect(JSON.stringify(view)).not.toContain("old-secret-value");
    expect(toSourceView(row, 2_000).previousSecretExpiresAt).toBeNull();
  });
});
