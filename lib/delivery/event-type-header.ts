const VISIBLE_ASCII = /^[\x21-\x24\x26-\x7e]$/;
const utf8 = new TextEncoder();

/**
 * The event type as it goes out in X-Hookrelay-Event-Type. A type is free text, but a
 * header value may only hold visible ASCII: every other character of the type (spaces,
 * control characters, anything beyond ASCII) and "%" itself go out percent-encoded as
 * UTF-8, so `order.created` is sent as it is and `注文.作成` as
 * `%E6%B3%A8%E6%96%87.%E4%BD%9C%E6%88%90`; a receiver gets the type back with
 * decodeURIComponent.
 */
export function eventTypeHeader(type: string): string {
  let out = "";
  for (const ch of type) {
    if (VISIBLE_ASCII.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of utf8.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
