import { parseHeaderRecord } from "./header-record";
import type { PresetInfo } from "./providers/types";

/** Endpoints learn which source an event came from, and its provider headers, under this prefix. */
const SOURCE_HEADER_PREFIX = "x-hookrelay-source";

/** A value that can go into an outgoing header as it is: visible ASCII and spaces. */
const SENDABLE = /^[\x20-\x7e]*$/;

/**
 * The headers an endpoint receives about the inbound event: `x-hookrelay-source` names the
 * source, and each provider header the preset names travels as `x-hookrelay-source-<name>`
 * without its `x-` (`X-Shopify-Topic` → `x-hookrelay-source-shopify-topic`). A value with
 * characters outside printable ASCII is left out rather than re-encoded.
 */
export function forwardedHeaders(sourceName: string, preset: Pick<PresetInfo, "providerHeaders">, kept: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { [SOURCE_HEADER_PREFIX]: sourceName };
  for (const name of preset.providerHeaders) {
    const value = kept[name];
    if (value !== undefined && SENDABLE.test(value)) out[`${SOURCE_HEADER_PREFIX}-${name.replace(/^x-/, "")}`] = value;
  }
  return out;
}

/** A message's stored source headers, for the worker; anything outside the prefix or unsendable is dropped. */
export function parseSourceHeaders(stored: string | null): Record<string, string> {
  return Object.fromEntries(Object.entries(parseHeaderRecord(stored)).filter(([name, value]) => name.startsWith(SOURCE_HEADER_PREFIX) && SENDABLE.test(value)));
}
