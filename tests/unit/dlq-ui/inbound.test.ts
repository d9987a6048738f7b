import { describe, expect, it } from "vitest";
import {
  hasInboundFilters,
  inboundApiPath,
  inboundCursorFromSearch,
  inboundFiltersFromSearch,
  inboundFiltersToSearch,
  NO_INBOUND_FILTERS,
} from "@/components/inbound/filters";
import { inboundStatusMeta, keySourceMeta, resultBodyText, sortedHeaders } from "@/components/inbound/format";
import { DEFAULT_SOURCE_VALUES, sourceFormSchema, toCreateSourceInput } from "@/components/inbound/source-form-schema";

const search = (query: string) => new URLSearchParams(query);

describe("inbound filters in the URL", () => {
  it("round-trips source, status, type and cursor", () => {
    const filters = { source: "stripe", status: "failed" as const, eventType: "invoice.paid" };
    const query = inboundFiltersToSearch(filters, "ev_9");
    expect(query).toBe("?source=stripe&status=failed&type=invoice.paid&cursor=ev_9");
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
    expect(inboundApiPath({ source: "gh", status: "processed", eventType: "push" }, "ev_1", 50)).toBe("/api/inbound?limit=50&source=gh&status=processed&type=push&cursor=ev_1");
  });
});

describe("inbound wording", () => {
  it("names statuses and key sources", () => {
    expect(inboundStatusMeta("processing")).toMatchObject({ label: "Processing", tone: "info" });
    expect(inboundStatusMeta("other").label).toBe("other");
    expect(keySourceMeta("content_hash")).toMatchObject({ label: "content hash", tone: "neutral" });
    expect(keySourceMeta("header.x-request-id").tone).toBe("warning");
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
  it("turns hours into the API's seconds and leaves an empty description out", () => {
    const values = sourceFormSchema.parse({ ...DEFAULT_SOURCE_VALUES, name: "stripe" });
    expect(toCreateSourceInput(values)).toEqual({ name: "stripe", signingScheme: "standard_webhooks", idempotencyTtlSeconds: 86_400 });
  });

  it("uses the API's own rules for the name and bounds the window", () => {
    expect(sourceFormSchema.safeParse({ ...DEFAULT_SOURCE_VALUES, name: "Stripe Prod" }).success).toBe(false);
    expect(sourceFormSchema.safeParse({ ...DEFAULT_SOURCE_VALUES, name: "ok", ttlHours: 0 }).success).toBe(false);
    expect(sourceFormSchema.safeParse({ ...DEFAULT_SOURCE_VALUES, name: "ok", ttlHours: 721 }).success).toBe(false);
    expect(sourceFormSchema.safeParse({ ...DEFAULT_SOURCE_VALUES, name: "ok", ttlHours: Number.NaN }).success).toBe(false);
  });
});
