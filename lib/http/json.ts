import { AppError } from "../errors/app-error";

/**
 * Deepest nesting of arrays and objects accepted in any JSON input. Real payloads nest a
 * dozen levels at most; much deeper ones exist to exhaust the stack of whatever walks
 * them next (validation, canonical hashing).
 */
export const MAX_JSON_DEPTH = 64;

/** True when the text nests arrays or objects deeper than `limit`; strings are skipped, so brackets inside them do not count. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON.parse with the depth limit checked first; either failure is a 400 naming what was wrong. */
export function parseJsonText(text: string, what = "The body"): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new AppError("bad_request", `${what} nests arrays and objects deeper than the limit of ${MAX_JSON_DEPTH} levels`, { details: { maxDepth: MAX_JSON_DEPTH } });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", `${what} is not valid JSON`);
  }
}

/** Stored text as the JSON value it holds, or the text itself when it is no JSON (a form-encoded webhook, an old row). */
export function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
