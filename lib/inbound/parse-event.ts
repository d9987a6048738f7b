import { AppError } from "../http/errors";
import { parseJsonText } from "../http/json";
import { deriveEventType, deriveIdempotencyKey, deriveProviderAttempt, InvalidIdempotencyKeyError, type DerivedKey } from "./idempotency-key";

export interface ParsedEvent {
  body: Record<string, unknown>;
  key: DerivedKey;
  eventType: string | null;
  providerAttempt: number | null;
  /** The request headers kept on the record for operators. */
  headers: Record<string, string>;
}

/** Signatures and credentials are left out: the record is shown on the dashboard. */
const KEPT_HEADERS = [
  "content-type",
  "user-agent",
  "webhook-id",
  "webhook-timestamp",
  "webhook-attempt",
  "x-event-id",
  "idempotency-key",
  "x-request-id",
  "x-event-type",
  "x-github-event",
  "x-webhook-event",
  "x-delivery-attempt",
  "x-webhook-attempt",
  "x-attempt",
];

const MAX_HEADER_VALUE = 500;

function keptHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = headers.get(name);
    if (v !== null) out[name] = v.slice(0, MAX_HEADER_VALUE);
  }
  return out;
}

function parseObject(rawBody: string): Record<string, unknown> {
  const parsed = parseJsonText(rawBody);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AppError("bad_request", "The body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** Reads what the pipeline needs from a verified request; bad input becomes a 400. */
export function parseEvent(rawBody: string, headers: Headers): ParsedEvent {
  const body = parseObject(rawBody);
  let key: DerivedKey;
  try {
    key = deriveIdempotencyKey(body, headers);
  } catch (err) {
    if (err instanceof InvalidIdempotencyKeyError) throw new AppError("bad_request", err.message);
    throw err;
  }
  const eventType = deriveEventType(body, headers);
  // PostgreSQL text cannot hold U+0000 and SQLite would store it: refuse it on both, as bad input.
  if (key.key.includes("\u0000") || eventType?.includes("\u0000")) throw new AppError("bad_request", "The event id and type cannot contain the NUL character (U+0000)");
  return { body, key, eventType, providerAttempt: deriveProviderAttempt(headers), headers: keptHeaders(headers) };
}
