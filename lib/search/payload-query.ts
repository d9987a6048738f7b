/**
 * What a search for payload content asks, decided without a database: plain text (words and
 * ids as they appear in the payload), or one JSON member equal to a value
 * (`data.object.id=ch_123`, `lines[0].amount = 2000`).
 */

/** A member's name in a path: `customer_email`, `x-request-id`, or an array position. */
export type PathStep = string | number;
export type JsonScalar = string | number | boolean | null;

export interface PathEquals {
  path: PathStep[];
  value: JsonScalar;
  /** The value as it is written in a payload's text: what the word index is asked for. */
  text: string;
}

/** Payload content asked for: text as written, or one JSON member equal to a value. */
export type PayloadMatch = { kind: "text"; text: string } | { kind: "path"; equals: PathEquals };

const KEY = String.raw`[A-Za-z_][\w-]*`;
const STEP = String.raw`(?:\.${KEY}|\[\d+\])`;
const PATH_EQUALS = new RegExp(String.raw`^\$?(\.?${KEY}|\[\d+\])(${STEP}*)\s*=\s*(\S.*)$`);

function steps(path: string): PathStep[] {
  return [...path.matchAll(new RegExp(String.raw`(${KEY})|\[(\d+)\]`, "g"))].map((m) => (m[2] === undefined ? m[1] : Number(m[2])));
}

/** `2000`, `true`, `null` and `"quoted"` are JSON; anything else is the string as typed. */
function scalar(raw: string): JsonScalar {
  try {
    const v: unknown = JSON.parse(raw);
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) return v as JsonScalar;
  } catch {
    // Not JSON: an unquoted string, the common case.
  }
  return raw;
}

/** `path=value` when the query has that shape, else null. */
export function parsePathEquals(q: string): PathEquals | null {
  const m = PATH_EQUALS.exec(q.trim());
  if (!m) return null;
  const value = scalar(m[3].trim());
  return { path: steps(m[1] + m[2]), value, text: typeof value === "string" ? value : JSON.stringify(value) };
}

/** What a search for payload content asks: `path=value` when it has that shape, else the text. */
export function payloadMatchOf(q: string): PayloadMatch {
  const equals = parsePathEquals(q);
  return equals ? { kind: "path", equals } : { kind: "text", text: q };
}

/** The path as an operator writes it: `data.object.id`, `lines[0].amount`. */
export function formatPath(path: readonly PathStep[]): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** The path in SQLite's JSON path syntax, every name quoted: `$."data"."id"`, `$."lines"[0]`. */
export function sqliteJsonPath(path: readonly PathStep[]): string {
  return "$" + path.map((s) => (typeof s === "number" ? `[${s}]` : `."${s}"`)).join("");
}

/**
 * An FTS5 query for text appearing as written: one phrase, its words in order. A quote
 * inside is doubled, so nothing the operator types is read as FTS5 syntax.
 */
export function fts5Phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The longest run of letters and digits: a word the search indexes split text into. */
export function longestWord(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? [""]).reduce((a, b) => (b.length > a.length ? b : a));
}

/** A LIKE pattern for text contained anywhere, its wildcards escaped with `\`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * SQLite's `json_type` names for a value of this kind: a number may be stored as either
 * integer or real (2000 and 2000.0 are the same amount).
 */
export function sqliteJsonTypes(value: JsonScalar): [string, string] {
  if (value === null) return ["null", "null"];
  if (typeof value === "number") return ["integer", "real"];
  if (typeof value === "boolean") return value ? ["true", "true"] : ["false", "false"];
  return ["text", "text"];
}

/** What SQLite's `json_extract` returns for the value: booleans come back as 1 and 0. */
export function sqliteJsonValue(value: JsonScalar): string | number | null {
  return typeof value === "boolean" ? Number(value) : value;
}
