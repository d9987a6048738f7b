import { describe, expect, it } from "vitest";
import {
  hasInboundFilters,
  inboundApiPath,
  inboundCursorFromSearch,
  inboundFiltersFromSearch,
  inboundFiltersToSearch,
  NO_INBOUND_FILTERS,
} from "@/components/api/inbound-filters";
import { inboundStatusMeta, keySourceMeta, resultBodyText } from "@/components/inbound/format";
import { sortedHeaders } from "@/components/ui/header-list";
import { awaitsSecret, codeSpans, keyRulesText, presetLabel, ruleLabel, typeRulesText } from "@/components/inbound/presets";
import { DEFAULT_SOURCE_VALUES, editSourceFormSchema, sourceFormSchema, toCreateSourceInput, toUpdateSourceInput } from "@/components/inbound/source-form-schema";

const search = (query: string) => new URLSearchParams(query);

describe("inbound filters in the URL", () => {
  it("round-trips source, status, type, search and cursor", () => {
    const filters = { source: "stripe", status: "failed" as const, eventType: "invoice.paid", q: "cus_9" };
    const query = inboundFiltersToSearch(filters, "ev_9");
    expect(query).toBe("?source=stripe&status=failed&type=invoice.paid&q=cus_9&cursor=ev_9");
    expect(inboundFiltersFromSearch(search(query.slice(1)))).toEqual(filters);
    expect(inboundCursorFromSearch(search(query.slice(1)))).toBe("ev_9");
  });

  it("drops unknown statuses and blank values", () => {
    expect(inboundFiltersFromSearch(search("status=exploded&source=&type=%20"))).toEqual(NO_INBOUND_FILTERS);
    expect(inboundFiltersToSearch(NO_INBOUND_FILTERS)).toBe("");
    expect(hasInboundFilters(NO_INBOUND_FILTERS)).toBe(false);
    expect(hasInboundFilters({ ...NO_INBOUND_FILTERS, status: "skipped" })).toBe(true);
  });

  it("builds the API path with the API's parameter names", () => {
    expect(inboundApiPath(NO_INBOUND_FILTERS, null)).toBe("/api/inbound?limit=25");
    expect(inboundApiPath({ source: "gh", status: "processed", eventType: "push", q: "order.*" }, "ev_1", 50)).toBe("/api/inbound?limit=50&source=gh&status=processed&eventType=push&q=order.*&cursor=ev_1");
  });
});

describe("inbound wording", () => {
  it("names statuses and key sources", () => {
    expect(inboundStatusMeta("processing")).toMatchObject({ label: "Processing", tone: "info" });
    expect(inboundStatusMeta("other").label).toBe("other");
    expect(keySourceMeta("content_hash")).toMatchObject({ label: "content hash", tone: "neutral" });
    expect(keySourceMeta("header.x-github-delivery")).toMatchObject({ label: "x-github-delivery header", tone: "info" });
    expect(keySourceMeta("body.id").label).toBe("body id");
  });

  it("shows stored bodies as text", () => {
    expect(resultBodyText(null)).toBeNull();
    expect(resultBodyText("plain")).toBe("plain");
    expect(resultBodyText({ ok: true })).toBe('{\n  "ok": true\n}');
  });

  it("sorts headers by name", () => {
    expect(sortedHeaders({ "x-b": "2", "content-type": "application/json", "x-a": "1" }).map(([k]) => k)).toEqual(["content-type", "x-a", "x-b"]);
  });
});

describe("new source form", () => {
  it("turns hours into the API's seconds and leaves empty optional fields out", () => {
    const values = sourceFormSchema.parse({ ...DEFAULT_SOURCE_VALUES, name: "github" });
    expect(toCreateSourceInput(values)).toEqual({ name: "github", provider: "github", idempotencyTtlSeconds: 86_400 });
  });

  it("sends a pasted secret for a signing preset, the custom settings only for custom, and no secret for none", () => {
    const base = { ...DEFAULT_SOURCE_VALUES, name: "src", secret: "whsec_pasted" };
    expect(toCreateSourceInput(sourceFormSchema.parse({ ...base, provider: "stripe" }))).toMatchObject({ provider: "stripe", secret: "whsec_pasted" });
    expect(toCreateSourceInput(sourceFormSchema.parse({ ...base, provider: "stripe" }))).not.toHaveProperty("signatureHeader");
    expect(toCreateSourceInput(sourceFormSchema.parse({ ...base, provider: "none" }))).not.toHaveProperty("secret");
    expect(toCreateSourceInput(sourceFormSchema.parse({ ...base, provider: "custom", signatureHeader: "x-acme-sig", signaturePrefix: "", signatureEncoding: "base64" }))).toMatchObject({
      signatureHeader: "x-acme-sig",
      signaturePrefix: "",
      signatureEncoding: "base64",
    });
  });

  it("uses the API's own rules for the name and bounds the window", () => {
    expect(sourceFormSchema.safeParse({ ...DEFAULT_SOURCE_VALUES, name: "Stripe Prod" }).success).toBe(false);
    expect(sourceFormSchema.safeParse({ ...DEFAULT_SOURCE_VALUES, name: "ok", ttlHours: 0 }).success).toBe(false);
    expect(sourceFormSchema.safeParse({ ...DEFAULT_SOURCE_VALUES, name: "ok", ttlHours: 721 }).success).toBe(false);
    expect(sourceFormSchema.safeParse({ ...DEFAULT_SOURCE_VALUES, name: "ok", ttlHours: Number.NaN }).success).toBe(false);
    expect(sourceFormSchema.safeParse({ ...DEFAULT_SOURCE_VALUES, name: "ok", provider: "paypal" }).success).toBe(false);
  });
});

describe("edit source form", () => {
  const values = { name: "shop", description: "", ttlHours: 2, rateLimit: "", signatureHeader: "x-sig", signaturePrefix: "", signatureEncoding: "" as const };

  it("clears an empty description and rate limit, and sends custom settings only for a custom source", () => {
    expect(toUpdateSourceInput(editSourceFormSchema.parse(values), "shopify")).toEqual({ name: "shop", description: null, idempotencyTtlSeconds: 7200, rateLimitPerSecond: null });
    expect(toUpdateSourceInput(editSourceFormSchema.parse({ ...values, rateLimit: "25" }), "custom")).toEqual({
      name: "shop",
      description: null,
      idempotencyTtlSeconds: 7200,
      rateLimitPerSecond: 25,
      signatureHeader: "x-sig",
      signaturePrefix: "",
      signatureEncoding: null,
    });
  });

  it("refuses a rate limit that is not a whole number from 1 to 100 000", () => {
    for (const rateLimit of ["0", "1.5", "100001", "ten"]) expect(editSourceFormSchema.safeParse({ ...values, rateLimit }).success).toBe(false);
  });
});

describe("preset wording", () => {
  it("names where keys and types are read, in the order they are tried", () => {
    expect(ruleLabel("header.x-github-delivery")).toBe("x-github-delivery header");
    expect(ruleLabel("body.event.type")).toBe("body event.type");
    expect(keyRulesText({ keyRules: ["header.x-shopify-event-id", "header.x-shopify-webhook-id"] })).toBe("x-shopify-event-id header, then x-shopify-webhook-id header, else a hash of the content");
    expect(typeRulesText({ typeRules: ["body.event.type", "body.command"] })).toBe("body event.type, then body command");
  });

  it("knows which sources wait for a provider-made secret", () => {
    expect(awaitsSecret("stripe", null)).toBe(true);
    expect(awaitsSecret("stripe", "whsec_••••abcd")).toBe(false);
    expect(awaitsSecret("none", null)).toBe(false);
    expect(presetLabel("svix")).toBe("Svix (Clerk, Resend, …)");
    expect(presetLabel("paypal")).toBe("paypal");
  });

  it("splits code spans out of a catalog sentence", () => {
    expect(codeSpans("in `X-Hub-Signature-256` (`sha256=` hex)")).toEqual(["in ", "X-Hub-Signature-256", " (", "sha256=", " hex)"]);
  });
});
