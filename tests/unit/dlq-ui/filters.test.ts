import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTERS,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  lettersApiPath,
  pageStateFromSearch,
  statsApiPath,
  toBulkFilter,
  type LetterFilters,
} from "@/components/api/letter-filters";

const search = (query: string) => new URLSearchParams(query);

describe("dead letter filters in the URL", () => {
  it("defaults to pending letters, and leaves the default out of the URL", () => {
    expect(filtersFromSearch(search(""))).toEqual(DEFAULT_FILTERS);
    expect(DEFAULT_FILTERS.status).toBe("pending");
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe("");
  });

  it("round-trips every filter, the page cursor and the watched job", () => {
    const filters: LetterFilters = { status: "all", reason: "max_retries", endpointId: "ep_1", eventType: "order.created" };
    const query = filtersToSearch(filters, { cursor: "dl_9", job: "job_3" });
    expect(query).toBe("?status=all&reason=max_retries&endpoint=ep_1&type=order.created&cursor=dl_9&job=job_3");
    const params = search(query.slice(1));
    expect(filtersFromSearch(params)).toEqual(filters);
    expect(pageStateFromSearch(params)).toEqual({ cursor: "dl_9", job: "job_3" });
  });

  it("drops what it does not understand instead of failing", () => {
    expect(filtersFromSearch(search("status=lost&reason=bored&endpoint=%20&type=%20%20"))).toEqual(DEFAULT_FILTERS);
    expect(pageStateFromSearch(search("cursor=&job="))).toEqual({ cursor: null, job: null });
  });

  it("trims the event type", () => {
    expect(filtersFromSearch(search("type=%20invoice.paid%20")).eventType).toBe("invoice.paid");
    expect(filtersToSearch({ ...DEFAULT_FILTERS, eventType: "  " })).toBe("");
  });

  it("knows when the view is not the default one", () => {
    expect(hasFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasFilters({ ...DEFAULT_FILTERS, status: "all" })).toBe(true);
    expect(hasFilters({ ...DEFAULT_FILTERS, reason: "unrecoverable" })).toBe(true);
  });
});

describe("API paths", () => {
  it("asks for pending letters by default, and for every status with 'all'", () => {
    expect(lettersApiPath(DEFAULT_FILTERS, null)).toBe("/api/dlq?limit=25&status=pending");
    expect(lettersApiPath({ ...DEFAULT_FILTERS, status: "all" }, "dl_1", 10)).toBe("/api/dlq?limit=10&cursor=dl_1");
  });

  it("maps the URL's names to the API's", () => {
    const path = lettersApiPath({ status: "reprocessed", reason: "payload_error", endpointId: "ep 1", eventType: "a.b" }, null);
    expect(path).toBe("/api/dlq?limit=25&status=reprocessed&reason=payload_error&endpointId=ep+1&eventType=a.b");
  });

  it("narrows the stats by endpoint only", () => {
    expect(statsApiPath({ ...DEFAULT_FILTERS, reason: "max_retries" })).toBe("/api/dlq/stats");
    expect(statsApiPath({ ...DEFAULT_FILTERS, endpointId: "ep/1" })).toBe("/api/dlq/stats?endpointId=ep%2F1");
  });
});

describe("toBulkFilter", () => {
  it("keeps reason, endpoint and type, and never a status: bulk actions reach pending letters only", () => {
    expect(toBulkFilter({ status: "all", reason: "invalid_endpoint", endpointId: "ep_1", eventType: " x.y " })).toEqual({
      reason: ["invalid_endpoint"],
      endpointId: "ep_1",
      eventType: "x.y",
    });
    expect(toBulkFilter(DEFAULT_FILTERS)).toEqual({});
  });
});
