import { describe, expect, it } from "vitest";
import {
  cursorFromSearch,
  deliveriesApiPath,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  isLive,
  NO_FILTERS,
  type DeliveryFilters,
} from "@/components/api/delivery-filters";
import { deliveryListQuerySchema } from "@/lib/delivery/list-deliveries";

const search = (query: string) => new URLSearchParams(query);

describe("delivery filters in the URL", () => {
  it("reads every filter and the cursor", () => {
    const params = search("status=dead,pending&endpoint=ep_1&type=order.created&since=1h&q=evt_1042&cursor=dlv_9");
    expect(filtersFromSearch(params)).toEqual({ status: ["pending", "dead"], endpointId: "ep_1", eventType: "order.created", since: "1h", q: "evt_1042" });
    expect(cursorFromSearch(params)).toBe("dlv_9");
  });

  it("drops what it does not understand instead of failing", () => {
    expect(filtersFromSearch(search("status=dead,bogus,,dead&since=3w&type=%20%20&endpoint="))).toEqual({ ...NO_FILTERS, status: ["dead"] });
    expect(cursorFromSearch(search("cursor="))).toBeNull();
  });

  it("round-trips, with statuses in one canonical order so equal views share a URL", () => {
    const filters: DeliveryFilters = { status: ["dead", "pending"], endpointId: "ep_1", eventType: " order.created ", since: "24h", q: "data.id=42" };
    const query = filtersToSearch(filters, "dlv_1");
    expect(query).toBe("?status=pending,dead&endpoint=ep_1&type=order.created&since=24h&q=data.id%3D42&cursor=dlv_1");
    expect(filtersFromSearch(search(query))).toEqual({ ...filters, status: ["pending", "dead"], eventType: "order.created" });
    expect(filtersToSearch(NO_FILTERS)).toBe("");
  });

  it("encodes values that need it", () => {
    const query = filtersToSearch({ ...NO_FILTERS, eventType: "a&b=c d" });
    expect(filtersFromSearch(search(query.slice(1))).eventType).toBe("a&b=c d");
  });

  it("knows when a filter is set", () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, eventType: "  " })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, since: "7d" })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, q: " " })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, q: "evt_1" })).toBe(true);
  });
});

describe("the list API request", () => {
  const now = Date.parse("2026-03-04T12:00:00.000Z");

  it("resolves the relative window against the clock and passes what the API accepts", () => {
    const path = deliveriesApiPath({ status: ["in_flight", "pending"], endpointId: "ep_1", eventType: "order.created", since: "1h", q: "order.*" }, "dlv_5", now, 25);
    const url = new URL(path, "http://localhost");
    expect(url.pathname).toBe("/api/deliveries");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      limit: "25",
      status: "pending,in_flight",
      endpointId: "ep_1",
      eventType: "order.created",
      since: "2026-03-04T11:00:00.000Z",
      q: "order.*",
      cursor: "dlv_5",
    });
    // The same schema the route validates with accepts it.
    expect(deliveryListQuerySchema.safeParse(Object.fromEntries(url.searchParams)).success).toBe(true);
  });

  it("asks for the newest page when nothing is set", () => {
    expect(deliveriesApiPath(NO_FILTERS, null, now, 25)).toBe("/api/deliveries?limit=25");
  });
});

describe("isLive", () => {
  it.each([
    ["pending", true],
    ["in_flight", true],
    ["succeeded", false],
    ["failed", false],
    ["dead", false],
  ])("%s → %s", (status, live) => expect(isLive(status)).toBe(live));
});
