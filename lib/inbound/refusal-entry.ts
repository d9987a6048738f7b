import { storableText } from "../db/storable-text";

/** What one refusal at the door leaves for the operator: enough to see why, never a secret. */
export interface RefusalEntry {
  sourceId: string;
  receivedAt: Date;
  status: number;
  code: string;
  reason: string;
  headers: Record<string, string>;
  /** The first KiB of the body as text, secrets replaced. */
  bodyExcerpt: string;
  /** Bytes received, or declared by Content-Length when the body was refused unread. */
  bodyBytes: number;
}

export const EXCERPT_BYTES = 1024;
const MAX_HEADERS = 50;
const MAX_HEADER_VALUE = 500;

/** Header names whose values are credentials or signatures: shown as present, never as they are. */
const SENSITIVE = /authorization|cookie|token|secret|password|signature|hmac|api-?key/i;
/** Added by Hookrelay's own proxy, not by the sender. */
const INTERNAL = /^x-hookrelay-|^x-middleware-/i;

const redacted = (value: string) => `[redacted, ${value.length} characters]`;

function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => s.length > 0 && text.includes(s));
}

function redactHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [name, value] of headers) {
    if (INTERNAL.test(name)) continue;
    if (n++ >= MAX_HEADERS) break;
    out[name] = SENSITIVE.test(name) || containsSecret(value, secrets) ? redacted(value) : value.slice(0, MAX_HEADER_VALUE);
  }
  return out;
}

/** The start of the body as storable text; a secret pasted into the body is replaced wherever it appears. */
export function bodyExcerpt(body: Uint8Array, secrets: readonly string[]): string {
  let text = storableText(body.subarray(0, EXCERPT_BYTES));
  for (const s of secrets) if (s.length > 0) text = text.replaceAll(s, "[secret]");
  return text;
}

interface RefusedRequest {
  sourceId: string;
  status: number;
  code: string;
  reason: string;
  headers: Headers;
  /** What was read of the body; empty when it was refused before reading. */
  body: Uint8Array;
  /** Bytes the body had, when more than what was read (a 413). */
  declaredBytes?: number;
  /** The source's secrets in force: never to appear in the entry. */
  secrets: readonly string[];
  now: number;
}

export function refusalEntry(r: RefusedRequest): RefusalEntry {
  return {
    sourceId: r.sourceId,
    receivedAt: new Date(r.now),
    status: r.status,
    code: r.code,
    reason: containsSecret(r.reason, r.secrets) ? "[reason withheld: it quoted a secret]" : r.reason,
    headers: redactHeaders(r.headers, r.secrets),
    bodyExcerpt: bodyExcerpt(r.body, r.secrets),
    bodyBytes: Math.max(r.body.byteLength, r.declaredBytes ?? 0),
  };
}
