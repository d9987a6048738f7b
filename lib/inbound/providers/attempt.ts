/** The provider's attempt counter from the first of `names` that holds a plain number. */
export function attemptFrom(headers: Headers, names: readonly string[], offset = 0): number | null {
  for (const name of names) {
    const v = headers.get(name)?.trim();
    if (v && /^\d{1,6}$/.test(v)) return Number(v) + offset;
  }
  return null;
}

/** Attempt headers that Standard Webhooks senders and common custom senders use. */
const GENERIC_ATTEMPT_HEADERS = ["webhook-attempt", "x-delivery-attempt", "x-webhook-attempt", "x-attempt"] as const;

export const genericAttempt = (headers: Headers) => attemptFrom(headers, GENERIC_ATTEMPT_HEADERS);
