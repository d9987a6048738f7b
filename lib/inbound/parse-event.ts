import { AppError } from "../errors/app-error";
import { parseJsonText } from "../http/json";
import { jsonText, type BodyFormat } from "./body";
import { deriveEventType, deriveIdempotencyKey, InvalidIdempotencyKeyError, type DerivedKey } from "./idempotency-key";
import type { Handshake, ProviderPreset, ReceivedEvent } from "./providers/types";

export interface ParsedEvent {
  body: Record<string, unknown>;
  /** The JSON text stored and delivered: the body as received, or a form body turned into JSON. */
  text: string;
  key: DerivedKey;
  eventType: string | null;
  providerAttempt: number | null;
  /** The request headers kept on the record for operators (never signatures or credentials). */
  headers: Record<string, string>;
}

export type ReadResult = { kind: "event"; event: ParsedEvent } | { kind: "handshake"; answer: Handshake };

/** Kept for every preset, beside the preset's own headers. */
const COMMON_HEADERS = ["content-type", "user-agent"];
const MAX_HEADER_VALUE = 500;

function keptHeaders(headers: Headers, preset: ProviderPreset): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...COMMON_HEADERS, ...preset.providerHeaders]) {
    const v = headers.get(name);
    if (v !== null) out[name] = v.slice(0, MAX_HEADER_VALUE);
  }
  return out;
}

function parseObject(text: string): Record<string, unknown> {
  const parsed = parseJsonText(text);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AppError("bad_request", "The body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/**
 * Text that the databases cannot store: PostgreSQL refuses U+0000 in text, and a lone UTF-16
 * surrogate (from a `\ud800` escape) cannot be encoded at all. Refused as the sender's mistake.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

function checkStorable(key: DerivedKey, eventType: string | null): void {
  if (unstorable(key.key)) throw new AppError("bad_request", `The idempotency key from ${key.source} contains a NUL character or a lone surrogate, which cannot be stored`);
  if (eventType !== null && unstorable(eventType)) throw new AppError("bad_request", "The event type contains a NUL character or a lone surrogate, which cannot be stored");
}

function deriveKey(event: ReceivedEvent, preset: ProviderPreset): DerivedKey {
  try {
    return deriveIdempotencyKey(event, preset.keyRules);
  } catch (err) {
    if (err instanceof InvalidIdempotencyKeyError) throw new AppError("bad_request", err.message);
    throw err;
  }
}

/** Reads what the pipeline needs from a verified request, as its preset says; bad input becomes a 400. */
export function readEvent(preset: ProviderPreset, bytes: Uint8Array, headers: Headers, format: BodyFormat): ReadResult {
  const text = jsonText(bytes, headers.get("content-type"), format);
  const received: ReceivedEvent = { headers, body: parseObject(text), text };
  const answer = preset.handshake?.(received);
  if (answer) return { kind: "handshake", answer };
  const key = deriveKey(received, preset);
  const eventType = deriveEventType(received, preset.typeRules);
  checkStorable(key, eventType);
  return {
    kind: "event",
    event: { body: received.body, text, key, eventType, providerAttempt: preset.attempt(headers), headers: keptHeaders(headers, preset) },
  };
}
