import { genericAttempt } from "./attempt";
import { anySecretMatches, decodeSignature, hmacSha256, missing, staleTimestamp } from "./hmac";
import type { PresetBehaviour, SignatureCheck, SignedRequest } from "./types";

export const WHSEC_PREFIX = "whsec_";

/** The key bytes behind `whsec_<base64>`; undefined for a secret that is not in that form. */
function whsecKey(secret: string): Buffer | undefined {
  if (!secret.startsWith(WHSEC_PREFIX)) return undefined;
  return decodeSignature(secret.slice(WHSEC_PREFIX.length), "base64");
}

/** Svix and the Standard Webhooks spec sign alike; only the header names differ. */
const FAMILIES = ["webhook", "svix"] as const;

/**
 * HMAC-SHA256 of `id.timestamp.body` with the decoded key; the signature header holds
 * space-separated `v1,<base64>` entries, any of which may match.
 */
function verify({ body, headers, secrets, now }: SignedRequest): SignatureCheck {
  const family = FAMILIES.find((f) => headers.has(`${f}-signature`)) ?? FAMILIES[0];
  const id = headers.get(`${family}-id`);
  const timestamp = headers.get(`${family}-timestamp`);
  const signature = headers.get(`${family}-signature`);
  if (!id || !timestamp || !signature) return missing(`${family}-id, ${family}-timestamp or ${family}-signature header`);
  const stale = staleTimestamp(timestamp, `${family}-timestamp`, now);
  if (stale) return stale;
  const provided = signature
    .split(" ")
    .map((entry) => entry.trim().split(","))
    .filter(([version, value]) => version === "v1" && value)
    .map(([, value]) => decodeSignature(value, "base64"));
  return anySecretMatches(
    secrets,
    (secret) => {
      const key = whsecKey(secret);
      return key && hmacSha256(key, `${id}.${timestamp.trim()}.`, body);
    },
    provided,
  );
}

/** Svix and Standard Webhooks senders alike: the two presets differ only in which id header they prefer. */
export const standardWebhooks: PresetBehaviour = { verify, attempt: genericAttempt };
