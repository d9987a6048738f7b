import { describe, expect, it } from "vitest";
import { formatCountdown, formatDateTime, formatElapsed, formatRelative } from "@/components/ui/time-format";

describe("formatCountdown", () => {
  it.each([
    [0, "0:00"],
    [-500, "0:00"],
    [1, "0:01"],
    [999, "0:01"],
    [1_000, "0:01"],
    [1_001, "0:02"],
    [59_000, "0:59"],
    [60_000, "1:00"],
    [125_000, "2:05"],
    [3_600_000, "1:00:00"],
    [3_725_000, "1:02:05"],
    [86_400_000, "1 d"],
    [2 * 86_400_000 + 4 * 3_600_000 + 1, "2 d 4 h"],
  ])("%i ms → %s", (ms, text) => expect(formatCountdown(ms)).toBe(text));
});

describe("formatElapsed", () => {
  it.each([
    [0, "0 s"],
    [30_500, "30 s"],
    [59_999, "59 s"],
    [60_000, "1 min"],
    [3_599_999, "59 min"],
    [3_600_000, "1 h"],
    [86_399_999, "23 h"],
    [3 * 86_400_000, "3 d"],
    [-90_000, "1 min"],
  ])("%i ms → %s", (ms, text) => expect(formatElapsed(ms)).toBe(text));
});

describe("formatRelative", () => {
  const now = Date.parse("2026-03-04T12:00:00Z");
  it.each([
    [now, "just now"],
    [now - 4_000, "just now"],
    [now - 12_000, "12 s ago"],
    [now - 5 * 60_000 - 30_000, "5 min ago"],
    [now - 3 * 3_600_000, "3 h ago"],
    [now - 2 * 86_400_000, "2 d ago"],
    [now + 3_000, "in a moment"],
    [now + 40_000, "in 40 s"],
    [now + 2 * 3_600_000, "in 2 h"],
  ])("%i → %s", (at, text) => expect(formatRelative(at, now)).toBe(text));
});

describe("formatDateTime", () => {
  const now = Date.parse("2026-03-04T12:00:00Z");

  it("names the zone as an offset from UTC, and UTC itself as UTC", () => {
    const at = Date.parse("2026-03-04T13:05:09Z");
    expect(formatDateTime(at, now, { timeZone: "UTC" })).toBe("Mar 4, 13:05:09 UTC");
    expect(formatDateTime(at, now, { timeZone: "Europe/Berlin" })).toBe("Mar 4, 14:05:09 UTC+1");
    expect(formatDateTime(at, now, { timeZone: "America/New_York" })).toBe("Mar 4, 08:05:09 UTC-5");
    expect(formatDateTime(at, now, { timeZone: "Asia/Kolkata" })).toBe("Mar 4, 18:35:09 UTC+5:30");
  });

  it("follows summer time", () => {
    expect(formatDateTime(Date.parse("2026-07-01T10:00:00Z"), now, { timeZone: "Europe/Berlin" })).toBe("Jul 1, 12:00:00 UTC+2");
  });

  it("gives the year only when it is not the current one, in the zone shown", () => {
    expect(formatDateTime(Date.parse("2025-12-31T22:59:59Z"), now, { timeZone: "UTC" })).toBe("Dec 31, 2025, 22:59:59 UTC");
    // Already the new year in Berlin, so no year is said.
    const newYear = Date.parse("2026-01-01T00:30:00Z");
    expect(formatDateTime(Date.parse("2025-12-31T23:30:00Z"), newYear, { timeZone: "Europe/Berlin" })).toBe("Jan 1, 00:30:00 UTC+1");
  });

  it("writes a 24-hour clock, midnight as 00", () => {
    expect(formatDateTime(Date.parse("2026-03-04T00:00:00Z"), now, { timeZone: "UTC" })).toBe("Mar 4, 00:00:00 UTC");
  });

  it("adds milliseconds when asked to be precise", () => {
    expect(formatDateTime(Date.parse("2026-03-04T13:05:09.042Z"), now, { timeZone: "UTC", precise: true })).toBe("Mar 4, 13:05:09.042 UTC");
  });
});
