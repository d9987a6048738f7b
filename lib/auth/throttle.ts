import { LRUCache } from "lru-cache";

/**
 * Counts failures per key in fixed windows. In memory and per process: it slows one
 * client hammering one instance, while the per-operator lockout in the database is
 * what holds across instances.
 */
export class FailureThrottle {
  private readonly windows: LRUCache<string, { count: number; endsAt: number }>;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    // Bounded so a flood of distinct keys cannot grow memory without end.
    maxKeys = 10_000,
  ) {
    this.windows = new LRUCache({ max: maxKeys });
  }

  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfterMs(key: string, now: number): number {
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now || window.count < this.limit) return 0;
    return window.endsAt - now;
  }

  fail(key: string, now: number): void {
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) this.windows.set(key, { count: 1, endsAt: now + this.windowMs });
    else window.count += 1;
  }
}
