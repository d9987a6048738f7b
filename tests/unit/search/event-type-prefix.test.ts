import { describe, expect, it } from "vitest";
import { eventTypePrefix } from "@/lib/search/search";

describe("an event-type prefix in the search box", () => {
  it("is a dotted type ending in .*, . or *", () => {
    expect(eventTypePrefix("order.*")).toBe("order.");
    expect(eventTypePrefix("order.")).toBe("order.");
    expect(eventTypePrefix("customer.subscription.*")).toBe("customer.subscription.");
    expect(eventTypePrefix("orders/*")).toBe("orders/");
    expect(eventTypePrefix("invoice*")).toBe("invoice");
  });

  it("is not an id, a plain word or text with spaces", () => {
    expect(eventTypePrefix("evt_1042")).toBeNull();
    expect(eventTypePrefix("order")).toBeNull();
    expect(eventTypePrefix("order paid.*")).toBeNull();
    expect(eventTypePrefix("*")).toBeNull();
  });
});
