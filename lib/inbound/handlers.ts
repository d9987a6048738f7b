import { processSingleton } from "../process-singleton";

/**
 * In-process handlers for inbound events, registered in code per event type. A handler
 * tells the provider what to do next by what it throws.
 */
export class RetryableError extends Error {
  constructor(message = "The handler failed and asks the provider to retry") {
    super(message);
    this.name = "RetryableError";
  }
}

export class RateLimitedError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    message = "The handler is rate limited",
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}

/** The event can never be processed (bad data, unknown account): dead-lettered, provider told 200. */
export class UnrecoverableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnrecoverableError";
  }
}

/** The handler deliberately does not process this event; it is kept as a payload_error dead letter. */
export class SkipEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SkipEventError";
  }
}

export interface InboundEventView {
  id: string;
  source: string;
  eventType: string | null;
  idempotencyKey: string;
  payload: unknown;
  /** The JSON text (a form body already turned into JSON). */
  rawBody: string;
  /** The request headers kept with the event: the common ones and the preset's provider headers. */
  headers: Record<string, string>;
  /** Sent to endpoints with the message: `x-hookrelay-source` and the provider headers as `x-hookrelay-source-*`. */
  sourceHeaders: Record<string, string>;
  run: number;
}

export type InboundHandler = (event: InboundEventView, signal: AbortSignal) => Promise<unknown>;

export class HandlerRegistry {
  private readonly byType = new Map<string, InboundHandler[]>();

  /** `*` matches every event. Returns a function that removes the handler. */
  register(eventType: string, handler: InboundHandler): () => void {
    const list = this.byType.get(eventType) ?? [];
    list.push(handler);
    this.byType.set(eventType, list);
    return () => {
      const current = this.byType.get(eventType) ?? [];
      this.byType.set(
        eventType,
        current.filter((h) => h !== handler),
      );
    };
  }

  handlersFor(eventType: string | null): InboundHandler[] {
    return [...(this.byType.get("*") ?? []), ...(eventType ? (this.byType.get(eventType) ?? []) : [])];
  }
}

/** The process-wide registry: application code registers its handlers here at start-up. */
export const inboundHandlers = processSingleton("inbound-handlers", () => new HandlerRegistry());
