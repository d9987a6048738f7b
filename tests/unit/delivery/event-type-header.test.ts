import { describe, expect, it } from "vitest";
import { eventTypeHeader } from "@/lib/delivery/event-type-header";

describe("the event type header", () => {
  it.each([
    ["order.created", "order.created"],
    ["注文.作成", "%E6%B3%A8%E6%96%87.%E4%BD%9C%E6%88%90"],
    ["заказ.создан", "%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7.%D1%81%D0%BE%D0%B7%D0%B4%D0%B0%D0%BD"],
    ["line\r\nbreak", "line%0D%0Abreak"],
    ["100% done", "100%25%20done"],
    ["tab\there", "tab%09here"],
  ])("%j goes out as %s, and decodes back", (type, header) => {
    expect(eventTypeHeader(type)).toBe(header);
    expect(decodeURIComponent(header)).toBe(type);
  });

  it("is always a valid header value", () => {
    for (const type of ["\u0000\u0001\u007f", "emoji 🎉", "é", "\ud800 lone surrogate"]) expect(eventTypeHeader(type)).toMatch(/^[\x21-\x7e]*$/);
  });
});
