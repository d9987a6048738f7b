import { createHash } from "node:crypto";
import { canonicalJson, topLevelNumberText } from "./canonical-json";
import type { FieldRule, ReceivedEvent } from "./providers/types";

/** A rule that gave the key (`header.x-github-delivery`, `body.id`), or the content hash; stored on the record for operators. */
export type KeySource = FieldRule | "content_hash";

export const MAX_KEY_LENGTH = 255;
export const MAX_EVENT_TYPE_LENGTH = 200;

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

/** The value at a dotted path of the body (`event.type`), or undefined. */
function bodyValue(body: Record<string, unknown>, path: string): unknown {
  let value: unknown = body;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The text a rule reads, trimmed; undefined when absent or empty. A number is read from the
 * JSON text itself, so ids past 2^53 keep every digit.
 */
function readRule(event: ReceivedEvent, rule: FieldRule, numbers: boolean): string | undefined {
  let value: unknown;
  if (rule.startsWith("header.")) value = event.headers.get(rule.slice("header.".length));
  else {
    const path = rule.slice("body.".length);
    value = bodyValue(event.body, path);
    if (numbers && typeof value === "number" && Number.isFinite(value)) {
      // Only top-level numbers are ever ids; a nested one is read as JavaScript has it.
      return (path.includes(".") ? undefined : topLevelNumberText(event.text, path)) ?? String(value);
    }
  }
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** SHA-256 of the canonical JSON text, 32 hex characters: key order and whitespace do not count, every digit does. */
export function contentHashKey(jsonText: string): string {
  return createHash("sha256").update(canonicalJson(jsonText)).digest("hex").slice(0, 32);
}

/** The first rule that gives a value, else a hash of the content (two identical bodies are then one event). */
export function deriveIdempotencyKey(event: ReceivedEvent, rules: readonly FieldRule[]): DerivedKey {
  for (const rule of rules) {
    const key = readRule(event, rule, true);
    if (key === undefined) continue;
    if (key.length > MAX_KEY_LENGTH) throw new InvalidIdempotencyKeyError(rule);
    return { key, source: rule };
  }
  return { key: contentHashKey(event.text), source: "content_hash" };
}

/** Cuts at a length without splitting a surrogate pair into a lone half. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The event type from the first rule that gives one (strings only); null when there is none. */
export function deriveEventType(event: ReceivedEvent, rules: readonly FieldRule[]): string | null {
  for (const rule of rules) {
    const type = readRule(event, rule, false);
    if (type !== undefined) return cut(type, MAX_EVENT_TYPE_LENGTH);
  }
  return null;
}
