export interface RequestDeadline {
  /** Aborts at the request's deadline, or when the outer signal does. */
  readonly signal: AbortSignal;
  /** Stops the clock; call it once the request is over. */
  end(): void;
}

/**
 * Whole-time limits for requests (connect, send, headers, body: undici's own timeouts bound
 * only the gaps between bytes), all ended at once by one outer signal such as the worker's
 * shutdown. A controller and a plain timer per request cost about a microsecond, where
 * AbortSignal.timeout with AbortSignal.any cost tens of microseconds (their weak references
 * keep the garbage collector busy); one listener on the outer signal for all requests, not
 * one each, keeps it under EventTarget's listener warning.
 */
export class RequestDeadlines {
  private readonly live = new Set<AbortController>();

  constructor(private readonly outer?: AbortSignal) {
    outer?.addEventListener("abort", () => {
      for (const c of this.live) c.abort(outer.reason);
    }, { once: true });
  }

  start(timeoutMs: number): RequestDeadline {
    const controller = new AbortController();
    if (this.outer?.aborted) controller.abort(this.outer.reason);
    const timer = setTimeout(() => controller.abort(new DOMException(`The request took longer than ${timeoutMs} ms`, "TimeoutError")), timeoutMs);
    this.live.add(controller);
    return {
      signal: controller.signal,
      end: () => {
        clearTimeout(timer);
        this.live.delete(controller);
      },
    };
  }
}
