import { genericAttempt } from "./attempt";
import { anySecretMatches, decodeSignature, hmacSha256, missing } from "./hmac";
import type { PresetBehaviour, SignatureCheck, SignedRequest } from "./types";

/** Base64 HMAC of the body with the app's client secret; Shopify signs no timestamp. */
function verify({ body, headers, secrets }: SignedRequest): SignatureCheck {
  const header = headers.get("x-shopify-hmac-sha256");
  if (!header) return missing("X-Shopify-Hmac-Sha256 header");
  return anySecretMatches(secrets, (secret) => hmacSha256(secret, body), [decodeSignature(header, "base64")]);
}

export const shopify: PresetBehaviour = { verify, attempt: genericAttempt };
