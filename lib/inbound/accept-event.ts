import type { Db, InboundSource } from "../db/client";
import { hotPathFor, type EndpointRoute, type StoredAnswer } from "../db/hot-path";
import { newId } from "../db/ids";
import { matchesEventType, parseEventTypeFilter } from "../delivery/event-filter";
import { forwardedHeaders } from "./forwarded-headers";
import type { ParsedEvent } from "./parse-event";
import { UNTYPED_EVENT } from "./process-event";
import type { ProviderPreset } from "./providers/types";
import { toRunResult } from "./run-result";

export type Accepted =
  | { kind: "accepted"; answer: StoredAnswer; deliveries: number }
  | { kind: "replay"; answer: StoredAnswer }
  /** The key is held by a run in progress, or by a failed or expired one: the general path decides. */
  | { kind: "exists" };

/** Endpoint filters are few and change rarely; parsed once per distinct text. */
const MAX_FILTERS = 1_024;
const filters = new Map<string, string[]>();

function filterOf(stored: string): string[] {
  let parsed = filters.get(stored);
  if (!parsed) {
    if (filters.size >= MAX_FILTERS) filters.clear();
    parsed = parseEventTypeFilter(stored);
    filters.set(stored, parsed);
  }
  return parsed;
}

/**
 * The path of an event no in-process handler wants, which is every event unless the
 * application registered one: the key, the event with its final answer, its message and
 * one delivery per matching endpoint, in one commit; a duplicate of a finished event is
 * counted and answered from the record in the same statement. What that cannot settle
 * (a key held by another run, a failed or expired one) is left to the general path.
 */
export async function acceptEvent(db: Db, source: InboundSource, preset: ProviderPreset, event: ParsedEvent, now: number): Promise<Accepted> {
  const eventId = newId(now);
  const messageId = newId(now);
  const messageType = event.eventType ?? UNTYPED_EVENT;
  const expiresAt = now + source.idempotencyTtlSeconds * 1000;
  let deliveries = 0;
  let resultBody = "";
  const result = await hotPathFor(db).accept({
    eventId,
    sourceId: source.id,
    key: event.key.key,
    keySource: event.key.source,
    eventType: event.eventType,
    messageType,
    payload: event.text,
    headers: JSON.stringify(event.headers),
    sourceHeaders: JSON.stringify(forwardedHeaders(source.name, preset, event.headers)),
    providerAttempt: event.providerAttempt,
    now,
    expiresAt,
    messageId,
    targets: (routes: readonly EndpointRoute[]) => routes.filter((r) => matchesEventType(filterOf(r.eventTypes), messageType)),
    resultBody: (n) => {
      deliveries = n;
      resultBody = toRunResult({ kind: "processed", messageId, deliveries: n }, { id: eventId, key: event.key }).resultBody;
      return resultBody;
    },
  });
  if (result.kind !== "accepted") return result;
  return { kind: "accepted", answer: { id: eventId, resultStatus: 200, resultBody, expiresAt }, deliveries };
}
