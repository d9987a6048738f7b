import { genericAttempt } from "./attempt";
import { anySecretMatches, decodeSignature, hmacSha256, missing } from "./hmac";
import type { PresetBehaviour, SignatureCheck, SignedRequest } from "./types";

const PREFIX = "sha256=";

/** `X-Hub-Signature-256: sha256=<hex>` over the body as sent, JSON or form alike. GitHub signs no timestamp. */
function verify({ body, headers, secrets }: SignedRequest): SignatureCheck {
  const header = headers.get("x-hub-signature-256");
  if (!header) return missing("X-Hub-Signature-256 header");
  const value = header.trim();
  if (!value.startsWith(PREFIX)) return { ok: false, reason: "X-Hub-Signature-256 does not start with sha256=" };
  return anySecretMatches(secrets, (secret) => hmacSha256(secret, body), [decodeSignature(value.slice(PREFIX.length), "hex")]);
}

export const github: PresetBehaviour = { verify, attempt: genericAttempt };
