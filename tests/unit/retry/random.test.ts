import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/retry";

describe("seededRandom", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
  });

  it("gives a different sequence for a different seed", () => {
    const a = seededRandom(1);
    const b = seededRandom(2);
    expect(Array.from({ length: 10 }, () => a())).not.toEqual(Array.from({ length: 10 }, () => b()));
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const random = seededRandom(7);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    let outOfRange = 0;
    for (let i = 0; i < n; i++) {
      const r = random();
      if (!(r >= 0 && r < 1)) outOfRange++;
      else bins[Math.floor(r * 10)]++;
    }
    expect(outOfRange).toBe(0);
    // Each bin is Binomial(n, 0.1): sd ≈ 95, so ±600 is over 6 sd.
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(600);
  });
});
