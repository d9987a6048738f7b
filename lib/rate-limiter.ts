/**
 * A token bucket per key: `ratePerSecond` tokens a second, bursts up to one second's
 * worth. Time comes from the caller so tests are exact.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Takes a token; returns 0 when allowed, else the milliseconds until one is available. */
  take(key: string, ratePerSecond: number, now: number): number {
    const capacity = Math.max(1, ratePerSecond);
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    const refilled = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond);
    if (refilled >= 1) {
      this.buckets.set(key, { tokens: refilled - 1, at: now });
      return 0;
    }
    this.buckets.set(key, { tokens: refilled, at: now });
    return Math.ceil(((1 - refilled) / ratePerSecond) * 1000);
  }
}
