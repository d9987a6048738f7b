import { genericAttempt } from "./attempt";
import { anySecretMatches, decodeSignature, hmacSha256, missing, OK } from "./hmac";
import type { PresetBehaviour, SignatureCheck, SignedRequest } from "./types";

/** HMAC-SHA256 of the body in a header the operator names, after an optional prefix, hex or base64. */
function verify({ body, headers, secrets, custom }: SignedRequest): SignatureCheck {
  const value = headers.get(custom.header);
  if (!value) return missing(`${custom.header} header`);
  const trimmed = value.trim();
  const signature = custom.prefix && trimmed.startsWith(custom.prefix) ? trimmed.slice(custom.prefix.length) : trimmed;
  const encodings = custom.encoding ? [custom.encoding] : (["hex", "base64"] as const);
  return anySecretMatches(
    secrets,
    (secret) => hmacSha256(secret, body),
    encodings.map((e) => decodeSignature(signature, e)),
  );
}

export const custom: PresetBehaviour = { verify, attempt: genericAttempt };
export const none: PresetBehaviour = { verify: () => OK, attempt: genericAttempt };
