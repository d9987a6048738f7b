import { createHmac, timingSafeEqual } from "node:crypto";
import type { SignatureCheck } from "./types";

/** Every scheme that signs a timestamp refuses one further than this from our clock, either way. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export function hmacSha256(key: string | Uint8Array, ...parts: (string | Uint8Array)[]): Buffer {
  const mac = createHmac("sha256", key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Decodes a hex or base64 signature; undefined when it is neither, so it simply matches nothing. */
export function decodeSignature(value: string, encoding: "hex" | "base64"): Buffer | undefined {
  const text = value.trim();
  if (encoding === "hex") return /^(?:[0-9a-fA-F]{2})+$/.test(text) ? Buffer.from(text, "hex") : undefined;
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, "base64") : undefined;
}

/** Constant-time: how much of a signature matched must not leak through the time taken. */
function digestMatches(expected: Buffer, provided: readonly (Buffer | undefined)[]): boolean {
  let matched = false;
  for (const p of provided) {
    if (p && p.length === expected.length && timingSafeEqual(p, expected)) matched = true;
  }
  return matched;
}

const NO_SECRET: SignatureCheck = { ok: false, reason: "No signing secret is configured for this source yet: set the one the provider shows" };
const MISMATCH: SignatureCheck = { ok: false, reason: "Signature does not match" };
export const OK: SignatureCheck = { ok: true };

export const missing = (what: string): SignatureCheck => ({ ok: false, reason: `Missing ${what}` });

/** Checks a signed Unix timestamp (seconds) against the tolerance; undefined when it is fine. */
export function staleTimestamp(value: string, header: string, now: number): SignatureCheck | undefined {
  if (!/^\d{1,12}$/.test(value.trim())) return { ok: false, reason: `The ${header} header is not a Unix time in seconds` };
  const skew = Math.floor(now / 1000) - Number(value.trim());
  if (skew > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: "Stale signature: the timestamp is more than 5 minutes old" };
  if (skew < -TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: "Stale signature: the timestamp is more than 5 minutes in the future" };
  return undefined;
}

/** Verifies `expected(secret)` against the provided signatures for each secret in force. */
export function anySecretMatches(secrets: readonly string[], expected: (secret: string) => Buffer | undefined, provided: readonly (Buffer | undefined)[]): SignatureCheck {
  if (secrets.length === 0) return NO_SECRET;
  for (const secret of secrets) {
    const digest = expected(secret);
    if (digest && digestMatches(digest, provided)) return OK;
  }
  return MISMATCH;
}
