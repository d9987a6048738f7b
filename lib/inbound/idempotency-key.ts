import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/** Where a key came from, in the order they are tried; stored on the record for operators. */
export const KEY_SOURCES = [
  "body.id",
  "body.event_id",
  "header.webhook-id",
  "header.x-event-id",
  "header.idempotency-key",
  "header.x-request-id",
  "content_hash",
] as const;
export type KeySource = (typeof KEY_SOURCES)[number];

export const MAX_KEY_LENGTH = 255;

export interface DerivedKey {
  key: string;
  source: KeySource;
}

export class InvalidIdempotencyKeyError extends Error {
  constructor(readonly source: KeySource) {
    super(`The idempotency key from ${source} is longer than ${MAX_KEY_LENGTH} characters`);
    this.name = "InvalidIdempotencyKeyError";
  }
}

const BODY_FIELDS = [
  ["id", "body.id"],
  ["event_id", "body.event_id"],
] as const;

const HEADERS = [
  ["webhook-id", "header.webhook-id"],
  ["x-event-id", "header.x-event-id"],
  ["idempotency-key", "header.idempotency-key"],
  ["x-request-id", "header.x-request-id"],
] as const;

function usable(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  return undefined;
}

function checked(key: string, source: KeySource): DerivedKey {
  if (key.length > MAX_KEY_LENGTH) throw new InvalidIdempotencyKeyError(source);
  return { key, source };
}

/** SHA-256 of the canonical JSON, 32 hex characters: enough to make collisions irrelevant. */
export function contentHashKey(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex").slice(0, 32);
}

/**
 * The event's idempotency key: its own id first (the provider's identity for the event),
 * then the id headers providers send, and only then a hash of the content.
 */
export function deriveIdempotencyKey(body: Record<string, unknown>, headers: Headers): DerivedKey {
  for (const [field, source] of BODY_FIELDS) {
    const v = usable(body[field]);
    if (v) return checked(v, source);
  }
  for (const [name, source] of HEADERS) {
    const v = usable(headers.get(name));
    if (v) return checked(v, source);
  }
  return { key: contentHashKey(body), source: "content_hash" };
}

/** The event type providers put in the body or a header; null when there is none. */
export function deriveEventType(body: Record<string, unknown>, headers: Headers): string | null {
  for (const field of ["type", "event_type", "eventType", "event"]) {
    const v = body[field];
    if (typeof v === "string" && v.trim() !== "") return v.trim().slice(0, 200);
  }
  for (const name of ["x-event-type", "x-github-event", "x-webhook-event"]) {
    const v = headers.get(name);
    if (v && v.trim() !== "") return v.trim().slice(0, 200);
  }
  return null;
}

/** The provider's own attempt counter, when it sends one (Standard Webhooks and common custom headers). */
export function deriveProviderAttempt(headers: Headers): number | null {
  for (const name of ["webhook-attempt", "x-delivery-attempt", "x-webhook-attempt", "x-attempt"]) {
    const v = headers.get(name);
    if (v && /^\d{1,6}$/.test(v.trim())) return Number(v.trim());
  }
  return null;
}
