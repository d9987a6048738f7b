import { genericAttempt } from "./attempt";
import { anySecretMatches, decodeSignature, hmacSha256, missing, staleTimestamp } from "./hmac";
import type { PresetBehaviour, SignatureCheck, SignedRequest } from "./types";

/** `Stripe-Signature: t=1700000000,v1=<hex>[,v1=<hex>…]`: during a secret roll Stripe sends one v1 per secret. */
function verify({ body, headers, secrets, now }: SignedRequest): SignatureCheck {
  const header = headers.get("stripe-signature");
  if (!header) return missing("Stripe-Signature header");
  let timestamp: string | undefined;
  const v1: string[] = [];
  for (const item of header.split(",")) {
    const at = item.indexOf("=");
    const [name, value] = [item.slice(0, at).trim(), item.slice(at + 1).trim()];
    if (name === "t" && timestamp === undefined) timestamp = value;
    else if (name === "v1") v1.push(value);
  }
  if (timestamp === undefined) return missing("timestamp (t=) in Stripe-Signature");
  if (v1.length === 0) return missing("v1 signature in Stripe-Signature");
  const stale = staleTimestamp(timestamp, "Stripe-Signature t=", now);
  if (stale) return stale;
  return anySecretMatches(
    secrets,
    (secret) => hmacSha256(secret, `${timestamp}.`, body),
    v1.map((s) => decodeSignature(s, "hex")),
  );
}

export const stripe: PresetBehaviour = { verify, attempt: genericAttempt };
