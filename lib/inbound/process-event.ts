import type { Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import { createMessage } from "../delivery/create-message";
import { RateLimitedError, SkipEventError, UnrecoverableError, type HandlerRegistry, type InboundEventView } from "./handlers";

export type ProcessOutcome =
  | { kind: "processed"; messageId: string; deliveries: number }
  | { kind: "skipped"; reason: string }
  | { kind: "unrecoverable"; reason: string }
  | { kind: "retry"; reason: string }
  | { kind: "rate_limited"; reason: string; retryAfterSeconds: number }
  | { kind: "timeout"; reason: string };

/** Message type for events that name none: endpoints with an empty filter still receive them. */
export const UNTYPED_EVENT = "untyped";

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function classifyHandlerError(err: unknown): ProcessOutcome {
  if (err instanceof SkipEventError) return { kind: "skipped", reason: err.message };
  if (err instanceof UnrecoverableError) return { kind: "unrecoverable", reason: err.message };
  if (err instanceof RateLimitedError) return { kind: "rate_limited", reason: err.message, retryAfterSeconds: err.retryAfterSeconds };
  // RetryableError and any unexpected exception alike: the provider's retry gives it another chance.
  return { kind: "retry", reason: reasonOf(err) };
}

async function fanOut(db: Db, event: InboundEventView): Promise<ProcessOutcome> {
  try {
    // Keyed on the inbound record, so a run repeated after a crash finds the first message.
    const message = await createMessage(db, {
      eventType: event.eventType ?? UNTYPED_EVENT,
      payload: event.rawBody,
      idempotencyKey: `inbound:${event.id}`,
      sourceHeaders: event.sourceHeaders,
    });
    return { kind: "processed", messageId: message.messageId, deliveries: message.deliveryIds.length };
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw err;
    // A conflict with an earlier run's message (another body under the same key) is worth a retry, not a 4xx.
    return { kind: "retry", reason: `Fan-out failed: ${reasonOf(err)}` };
  }
}

async function run(db: Db, event: InboundEventView, registry: HandlerRegistry, signal: AbortSignal): Promise<ProcessOutcome> {
  for (const handler of registry.handlersFor(event.eventType)) {
    try {
      await handler(event, signal);
    } catch (err) {
      return classifyHandlerError(err);
    }
  }
  // The provider has been told to retry already; a late fan-out would race the retry's run.
  if (signal.aborted) return { kind: "timeout", reason: "Abandoned after the time budget" };
  return fanOut(db, event);
}

/**
 * Processes an accepted event within a time budget: the registered handlers for its type,
 * then the fan-out to every matching endpoint. An unreachable database propagates (the
 * caller answers 503); everything else becomes an outcome.
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
