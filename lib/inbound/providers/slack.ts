import { attemptFrom } from "./attempt";
import { anySecretMatches, decodeSignature, hmacSha256, missing, staleTimestamp } from "./hmac";
import type { Handshake, PresetBehaviour, ReceivedEvent, SignatureCheck, SignedRequest } from "./types";

const PREFIX = "v0=";

/** `X-Slack-Signature: v0=<hex>` over `v0:<X-Slack-Request-Timestamp>:<body>`. */
function verify({ body, headers, secrets, now }: SignedRequest): SignatureCheck {
  const timestamp = headers.get("x-slack-request-timestamp");
  const signature = headers.get("x-slack-signature")?.trim();
  if (!timestamp || !signature) return missing("X-Slack-Request-Timestamp or X-Slack-Signature header");
  if (!signature.startsWith(PREFIX)) return { ok: false, reason: "X-Slack-Signature does not start with v0=" };
  const stale = staleTimestamp(timestamp, "X-Slack-Request-Timestamp", now);
  if (stale) return stale;
  return anySecretMatches(secrets, (secret) => hmacSha256(secret, `v0:${timestamp.trim()}:`, body), [decodeSignature(signature.slice(PREFIX.length), "hex")]);
}

/**
 * Slack checks a new Events API URL with `url_verification` and expects its challenge back;
 * slash-command URLs get an occasional `ssl_check`. Neither is an event.
 */
function handshake({ body }: ReceivedEvent): Handshake | null {
  if (body.type === "url_verification" && typeof body.challenge === "string") return { status: 200, body: JSON.stringify({ challenge: body.challenge }) };
  if (body.ssl_check === "1") return { status: 200, body: "{}" };
  return null;
}

export const slack: PresetBehaviour = {
  verify,
  // X-Slack-Retry-Num is 1 on the first retry, which is the second attempt.
  attempt: (headers) => attemptFrom(headers, ["x-slack-retry-num"], 1),
  handshake,
};
