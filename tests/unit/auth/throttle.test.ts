import { describe, expect, it } from "vitest";
import { FailureThrottle } from "@/lib/auth/throttle";

describe("FailureThrottle", () => {
  it("allows up to the limit of failures in a window, then asks to wait until the window ends", () => {
    const t = new FailureThrottle(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfterMs("1.2.3.4", 1_000)).toBe(0);
      t.fail("1.2.3.4", 1_000 + i);
    }
    expect(t.retryAfterMs("1.2.3.4", 11_000)).toBe(50_000);
    expect(t.retryAfterMs("5.6.7.8", 11_000)).toBe(0);
    expect(t.retryAfterMs("1.2.3.4", 61_000)).toBe(0);
  });

  it("starts a new window once the old one has passed", () => {
    const t = new FailureThrottle(2, 1_000);
    t.fail("k", 0);
    t.fail("k", 500);
    expect(t.retryAfterMs("k", 900)).toBe(100);
    t.fail("k", 1_000);
    expect(t.retryAfterMs("k", 1_001)).toBe(0);
  });

  it("keeps a bounded number of keys", () => {
    const t = new FailureThrottle(1, 60_000, 2);
    t.fail("a", 0);
    t.fail("b", 0);
    t.fail("c", 0);
    expect(t.retryAfterMs("a", 1)).toBe(0);
    expect(t.retryAfterMs("c", 1)).toBeGreaterThan(0);
  });
});
