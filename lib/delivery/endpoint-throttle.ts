import { RateLimiter } from "../rate-limiter";

export interface EndpointLimits {
  id: string;
  rateLimitPerSecond: number | null;
  maxConcurrency: number | null;
}

/**
 * Per-endpoint caps inside one worker: requests per second (token bucket) and requests
 * in flight. A delivery over a cap is put back with a short delay instead of being sent,
 * so an endpoint recovering from an outage is not flooded by its backlog.
 */
export class EndpointThrottle {
  private readonly limiter = new RateLimiter();
  private readonly inFlight = new Map<string, number>();

  /** 0 when the delivery may go now; otherwise how long to wait, in ms. */
  acquire(endpoint: EndpointLimits, now: number): number {
    const running = this.inFlight.get(endpoint.id) ?? 0;
    if (endpoint.maxConcurrency && running >= endpoint.maxConcurrency) return 100;
    if (endpoint.rateLimitPerSecond) {
      const wait = this.limiter.take(endpoint.id, endpoint.rateLimitPerSecond, now);
      if (wait > 0) return wait;
    }
    this.inFlight.set(endpoint.id, running + 1);
    return 0;
  }

  release(endpointId: string): void {
    const running = (this.inFlight.get(endpointId) ?? 1) - 1;
    if (running <= 0) this.inFlight.delete(endpointId);
    else this.inFlight.set(endpointId, running);
  }
}
