/**
 * Reading JSON text without turning it into JavaScript values first: numbers keep their
 * exact digits (`820982911946154508` and `…509` are two numbers, not one double), and
 * nothing recurses, so a body nested a million levels deep cannot overflow the stack.
 * Both functions expect text that `JSON.parse` has already accepted.
 */

type Token = { kind: "punct"; char: string } | { kind: "string"; raw: string } | { kind: "scalar"; raw: string };

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isPunctuation(code: number): boolean {
  return code === OPEN_OBJECT || code === CLOSE_OBJECT || code === OPEN_ARRAY || code === CLOSE_ARRAY || code === COLON || code === COMMA;
}

/** The index of the quote closing the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) throw new SyntaxError("Unterminated string in JSON text");
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** Calls `visit` with each token in order; a plain loop, as this runs over whole bodies on the request path. */
function scan(text: string, visit: (token: Token) => void): void {
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) {
      i++;
    } else if (code === QUOTE) {
      const end = stringEnd(text, i);
      visit({ kind: "string", raw: text.slice(i, end + 1) });
      i = end + 1;
    } else if (isPunctuation(code)) {
      visit({ kind: "punct", char: text[i] });
      i++;
    } else {
      let end = i + 1;
      while (end < text.length && !isWhitespace(text.charCodeAt(end)) && !isPunctuation(text.charCodeAt(end))) end++;
      visit({ kind: "scalar", raw: text.slice(i, end) });
      i = end;
    }
  }
}

/** A string token's text; only one with escapes needs decoding. */
const decoded = (raw: string): string => (raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1));

interface Frame {
  /** Members as [decoded key, canonical value]; null for an array. */
  members: [string, string][] | null;
  items: string[];
  key: string | null;
}

function closeObject(members: [string, string][]): string {
  // A stable sort keeps a repeated key's occurrences in order: the last one wins, as in JSON.parse.
  members.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const parts: string[] = [];
  for (let i = 0; i < members.length; i++) {
    if (i + 1 < members.length && members[i + 1][0] === members[i][0]) continue;
    parts.push(`${JSON.stringify(members[i][0])}:${members[i][1]}`);
  }
  return `{${parts.join(",")}}`;
}

/**
 * The JSON text with object keys sorted at every depth (by UTF-16 code units, as
 * `Object.keys(…).sort()` orders them) and no whitespace, so two bodies that differ only in
 * key order or spacing have one canonical form. Strings are written in one spelling
 * (`"\u0041"` is `"A"`); numbers keep their digits.
 */
export function canonicalJson(text: string): string {
  const stack: Frame[] = [];
  let result = "";
  const emit = (value: string) => {
    const top = stack[stack.length - 1];
    if (!top) result = value;
    else if (top.members === null) top.items.push(value);
    else {
      top.members.push([top.key as string, value]);
      top.key = null;
    }
  };
  scan(text, (token) => {
    if (token.kind === "string") {
      const top = stack[stack.length - 1];
      if (top?.members && top.key === null) top.key = decoded(token.raw);
      // Re-encoding only a string with escapes gives it the one spelling JSON.stringify writes.
      else emit(token.raw.includes("\\") ? JSON.stringify(JSON.parse(token.raw) as string) : token.raw);
    } else if (token.kind === "scalar") emit(token.raw);
    else if (token.char === "{") stack.push({ members: [], items: [], key: null });
    else if (token.char === "[") stack.push({ members: null, items: [], key: null });
    else if (token.char === "}") emit(closeObject((stack.pop() as Frame).members as [string, string][]));
    else if (token.char === "]") emit(`[${(stack.pop() as Frame).items.join(",")}]`);
  });
  return result;
}

/**
 * The exact text of a number that is a member of the top-level object, e.g. the digits
 * of `"id": 820982911946154508`, which `JSON.parse` would round. Undefined when the member
 * is absent or not a number. The last occurrence counts, as in `JSON.parse`.
 */
export function topLevelNumberText(text: string, name: string): string | undefined {
  let depth = 0;
  let expectKey = false;
  let currentKey: string | null = null;
  let found: string | undefined;
  scan(text, (token) => {
    if (token.kind === "punct") {
      if (token.char === "{" || token.char === "[") {
        depth++;
        expectKey = token.char === "{" && depth === 1;
      } else if (token.char === "}" || token.char === "]") depth--;
      else if (token.char === "," && depth === 1) expectKey = true;
      return;
    }
    if (depth !== 1) return;
    if (expectKey && token.kind === "string") {
      currentKey = decoded(token.raw);
      expectKey = false;
    } else if (currentKey === name) {
      found = token.kind === "scalar" && token.raw !== "true" && token.raw !== "false" && token.raw !== "null" ? token.raw : undefined;
    }
  });
  return found;
}

/**
 * The JSON text indented for reading, keys in their order and numbers with every digit
 * (`JSON.stringify(JSON.parse(…), null, 2)` would print 820982911946154508 as …500).
 * Text that is not JSON comes back as it is.
 */
export function indentJson(text: string, indent = "  "): string {
  try {
    JSON.parse(text);
  } catch {
    return text;
  }
  const out: string[] = [];
  let depth = 0;
  let justOpened = false;
  const newline = () => `\n${indent.repeat(depth)}`;
  scan(text, (token) => {
    const char = token.kind === "punct" ? token.char : "";
    const opens = char === "{" || char === "[";
    const closes = char === "}" || char === "]";
    // An empty object or array stays on one line: `{}`.
    if (justOpened && !closes) out.push(newline());
    if (token.kind !== "punct") out.push(token.raw);
    else if (opens) {
      depth++;
      out.push(char);
    } else if (closes) {
      depth--;
      out.push(justOpened ? char : `${newline()}${char}`);
    } else out.push(char === "," ? `,${newline()}` : ": ");
    justOpened = opens;
  });
  return out.join("");
}
