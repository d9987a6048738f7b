import { describe, expect, it } from "vitest";
import { formatCompact, formatDuration, formatDurationChange, formatDurationTick, formatMean, formatPercent } from "@/components/charts/format";
import { countAxis, durationAxis } from "@/components/charts/ticks";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [1000, "1 s"],
    [1500, "1.5 s"],
    [42_000, "42 s"],
    [90_000, "1.5 min"],
    [720_000, "12 min"],
    [7_200_000, "2 h"],
    [129_600_000, "1.5 d"],
    [-3000, "−3 s"],
  ])("%d ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("says so when there is nothing to show", () => {
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});

describe("formatDurationChange", () => {
  it("names the direction", () => {
    expect(formatDurationChange(-3000)).toBe("3 s sooner");
    expect(formatDurationChange(120_000)).toBe("2 min later");
    expect(formatDurationChange(0)).toBe("no change");
  });
});

describe("formatPercent", () => {
  it("keeps two decimals near the ends so a few dead letters never read as 100%", () => {
    expect(formatPercent(0.99996)).toBe("100.00%");
    expect(formatPercent(0.9973)).toBe("99.73%");
    expect(formatPercent(0.005)).toBe("0.50%");
    expect(formatPercent(0.5)).toBe("50.0%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
  });
});

describe("numbers", () => {
  it("compacts axis values and fixes means to two decimals", () => {
    expect(formatCompact(1234)).toBe("1.2K");
    expect(formatCompact(950)).toBe("950");
    expect(formatMean(1.5)).toBe("1.50");
  });
});

describe("durationAxis", () => {
  it("picks round steps from zero that cover the maximum", () => {
    expect(durationAxis(17_342)).toEqual({ ticks: [0, 5000, 10_000, 15_000, 20_000], domain: [0, 20_000] });
    expect(durationAxis(3_600_000)).toEqual({
      ticks: [0, 600_000, 1_200_000, 1_800_000, 2_400_000, 3_000_000, 3_600_000],
      domain: [0, 3_600_000],
    });
    expect(durationAxis(0)).toEqual({ ticks: [0, 1], domain: [0, 1] });
  });

  it("never draws more intervals than asked, even past the largest step", () => {
    for (const max of [7, 999, 61_000, 86_400_001, 90 * 86_400_000]) {
      const { ticks, domain } = durationAxis(max, 6);
      expect(ticks.length - 1).toBeLessThanOrEqual(6);
      expect(domain[1]).toBeGreaterThanOrEqual(max);
    }
  });
});

describe("formatDurationTick", () => {
  it("keeps round tick values exact", () => {
    expect(formatDurationTick(0)).toBe("0");
    expect(formatDurationTick(4_500_000)).toBe("1.25 h");
    expect(formatDurationTick(15_000)).toBe("15 s");
    expect(formatDurationTick(250)).toBe("250 ms");
  });
});

describe("countAxis", () => {
  it("steps by 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(countAxis(1370).ticks).toEqual([0, 500, 1000, 1500]);
    expect(countAxis(908).ticks).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(countAxis(7600).ticks).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(countAxis(0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(countAxis(3).ticks).toEqual([0, 1, 2, 3]);
  });
});
