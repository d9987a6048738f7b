import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/lib/rate-limiter";

describe("RateLimiter", () => {
  it("allows a burst of one second's worth, then asks for the wait until the next token", () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 4; i++) expect(limiter.take("k", 4, 0)).toBe(0);
    expect(limiter.take("k", 4, 0)).toBe(250);
    expect(limiter.take("k", 4, 250)).toBe(0);
    expect(limiter.take("k", 4, 250)).toBe(250);
  });

  it("keeps one bucket per key", () => {
    const limiter = new RateLimiter();
    expect(limiter.take("a", 1, 0)).toBe(0);
    expect(limiter.take("a", 1, 0)).toBe(1000);
    expect(limiter.take("b", 1, 0)).toBe(0);
  });
});
