import { describe, expect, it } from "vitest";
import { STREAM, counterStream, drawAt, streamKey } from "@/lib/simulator";

describe("counter-based streams", () => {
  it("a draw depends only on seed, stream, index and draw number", () => {
    const key = streamKey(1, STREAM.endpoint, 42);
    expect(drawAt(key, 3)).toBe(drawAt(streamKey(1, STREAM.endpoint, 42), 3));
    expect(drawAt(key, 3)).not.toBe(drawAt(streamKey(2, STREAM.endpoint, 42), 3));
    expect(drawAt(key, 3)).not.toBe(drawAt(streamKey(1, STREAM.jitter, 42), 3));
    expect(drawAt(key, 3)).not.toBe(drawAt(streamKey(1, STREAM.endpoint, 43), 3));
  });

  it("a reset stream replays its draws", () => {
    const stream = counterStream();
    stream.reset(99);
    const first = [stream.next(), stream.next(), stream.next()];
    stream.reset(99);
    expect([stream.next(), stream.next(), stream.next()]).toEqual(first);
    expect(first).toEqual([drawAt(99, 0), drawAt(99, 1), drawAt(99, 2)]);
  });

  it("draws across deliveries are uniform and uncorrelated between neighbours", () => {
    const n = 50_000;
    const bins = new Array<number>(10).fill(0);
    let outOfRange = 0;
    let sumXY = 0;
    let sumX = 0;
    let previous = drawAt(streamKey(5, STREAM.endpoint, 0), 1);
    for (let i = 1; i <= n; i++) {
      const u = drawAt(streamKey(5, STREAM.endpoint, i), 1);
      if (!(u >= 0 && u < 1)) outOfRange++;
      else bins[Math.floor(u * 10)]++;
      sumXY += (u - 0.5) * (previous - 0.5);
      sumX += u;
      previous = u;
    }
    expect(outOfRange).toBe(0);
    // Binomial(n, 0.1): sd ≈ 67; 6 sd.
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(400);
    expect(Math.abs(sumX / n - 0.5)).toBeLessThan(0.01);
    // Lag-1 covariance of uniforms has sd 1/(12 sqrt(n)) ≈ 0.00037.
    expect(Math.abs(sumXY / n)).toBeLessThan(0.0025);
  });
});
