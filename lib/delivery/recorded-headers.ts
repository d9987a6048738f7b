/** Kept with an attempt for the operator to read; never enough to replay or impersonate. */
const MASKED = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "webhook-signature", "x-hub-signature-256", "stripe-signature"]);
const MAX_HEADERS = 50;
const MAX_VALUE = 500;

/** A header set as stored on an attempt (JSON): lower-case names, masked credentials, bounded. */
export function recordedHeaders(headers: Record<string, string | string[] | undefined>): string {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers).slice(0, MAX_HEADERS)) {
    if (raw === undefined) continue;
    const key = name.toLowerCase();
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    out[key] = MASKED.has(key) ? `${value.slice(0, 3)}… (masked)` : value.slice(0, MAX_VALUE);
  }
  return JSON.stringify(out);
}
