import { describe, expect, it } from "vitest";
import { DEFAULT_WINDOW, firstEventCurl, isQuiet, seriesTotals, timeTicks, windowFromSearch, windowHref } from "@/components/overview/shape";

const quiet = {
  received: 0,
  delivered: 0,
  failedAttempts: 0,
  deadLettersPending: 0,
  pendingDeliveries: 0,
  endpoints: [],
  series: [{ t: 0, succeeded: 0, retried: 0, dead: 0 }],
};

describe("overview window in the URL", () => {
  it("reads a known window and falls back to the default", () => {
    expect(windowFromSearch(new URLSearchParams("window=7d"))).toBe("7d");
    expect(windowFromSearch(new URLSearchParams("window=2y"))).toBe(DEFAULT_WINDOW);
    expect(windowFromSearch(new URLSearchParams())).toBe(DEFAULT_WINDOW);
  });

  it("keeps the bare URL for the default window", () => {
    expect(windowHref(DEFAULT_WINDOW)).toBe("/");
    expect(windowHref("1h")).toBe("/?window=1h");
  });
});

describe("series", () => {
  it("totals attempts by outcome", () => {
    expect(
      seriesTotals([
        { t: 0, succeeded: 3, retried: 1, dead: 0 },
        { t: 1, succeeded: 2, retried: 4, dead: 1 },
      ]),
    ).toEqual({ succeeded: 5, retried: 5, dead: 1, attempts: 11 });
  });

  it("is quiet only when nothing happened and nothing waits", () => {
    expect(isQuiet(quiet)).toBe(true);
    expect(isQuiet({ ...quiet, received: 1 })).toBe(false);
    expect(isQuiet({ ...quiet, deadLettersPending: 1 })).toBe(false);
    expect(isQuiet({ ...quiet, series: [{ t: 0, succeeded: 0, retried: 1, dead: 0 }] })).toBe(false);
    expect(isQuiet({ ...quiet, endpoints: [{ id: "e", url: "u", enabled: false, disabledReason: null, failingSince: null }] })).toBe(false);
  });
});

describe("timeTicks", () => {
  it("falls on round local times inside the range", () => {
    const start = new Date(2026, 2, 4, 11, 7, 30).getTime();
    const end = new Date(2026, 2, 4, 12, 7, 30).getTime();
    const ticks = timeTicks(start, end, "1h");
    expect(ticks).toHaveLength(6);
    for (const t of ticks) {
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThanOrEqual(end);
      expect(new Date(t).getMinutes() % 10).toBe(0);
      expect(new Date(t).getSeconds()).toBe(0);
    }
    expect(new Date(ticks[0]).getMinutes()).toBe(10);
  });

  it("puts week ticks at local midnight", () => {
    const start = new Date(2026, 2, 1, 15, 0).getTime();
    const ticks = timeTicks(start, start + 7 * 86_400_000, "7d");
    expect(ticks).toHaveLength(7);
    for (const t of ticks) expect([new Date(t).getHours(), new Date(t).getMinutes()]).toEqual([0, 0]);
  });
});

describe("firstEventCurl", () => {
  it("posts JSON with an id to this server's webhook URL", () => {
    const curl = firstEventCurl("https://relay.example.com");
    expect(curl).toContain("curl -X POST https://relay.example.com/api/webhook");
    expect(curl).toContain("Content-Type: application/json");
    const body = /-d '(.*)'$/m.exec(curl)?.[1] ?? "";
    expect(JSON.parse(body)).toMatchObject({ id: "evt_001", type: "order.created" });
  });
});
