import type { Db } from "../db/client";
import { createMessage } from "../delivery/create-message";
import { HandlerRegistry, RateLimitedError, RetryableError, SkipEventError, UnrecoverableError, type InboundEventView } from "./handlers";

export type ProcessOutcome =
  | { kind: "processed"; messageId: string; deliveries: number }
  | { kind: "skipped"; reason: string }
  | { kind: "unrecoverable"; reason: string }
  | { kind: "retry"; reason: string }
  | { kind: "rate_limited"; reason: string; retryAfterSeconds: number }
  | { kind: "timeout"; reason: string };

/** Message type for events that name none: endpoints with an empty filter still receive them. */
export const UNTYPED_EVENT = "untyped";

function classifyHandlerError(err: unknown): ProcessOutcome {
  if (err instanceof SkipEventError) return { kind: "skipped", reason: err.message };
  if (err instanceof UnrecoverableError) return { kind: "unrecoverable", reason: err.message };
  if (err instanceof RateLimitedError) return { kind: "rate_limited", reason: err.message, retryAfterSeconds: err.retryAfterSeconds };
  if (err instanceof RetryableError) return { kind: "retry", reason: err.message };
  // An unexpected exception is treated as transient: the provider's retry gives it another chance.
  return { kind: "retry", reason: err instanceof Error ? err.message : String(err) };
}

async function run(db: Db, event: InboundEventView, registry: HandlerRegistry, signal: AbortSignal): Promise<ProcessOutcome> {
  for (const handler of registry.handlersFor(event.eventType)) {
    try {
      await handler(event, signal);
    } catch (err) {
      return classifyHandlerError(err);
    }
  }
  // Keyed on the inbound record, so a run that is repeated after a crash finds the first message.
  const message = await createMessage(db, {
    eventType: event.eventType ?? UNTYPED_EVENT,
    payload: event.rawBody,
    idempotencyKey: `inbound:${event.id}`,
  });
  return { kind: "processed", messageId: message.messageId, deliveries: message.deliveryIds.length };
}

/**
 * Processes an accepted event within a time budget: the registered handlers for its type,
 * then the fan-out to every matching endpoint. Database errors propagate (the caller
 * answers 503); everything else becomes an outcome.
 */
export async function processEvent(db: Db, event: InboundEventView, registry: HandlerRegistry, budgetMs: number): Promise<ProcessOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ProcessOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: "timeout", reason: `Processing took longer than ${budgetMs} ms` });
    }, budgetMs);
  });
  try {
    return await Promise.race([run(db, event, registry, controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
