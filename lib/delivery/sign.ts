import { createHmac } from "node:crypto";
import { ENDPOINT_SECRET_PREFIX } from "./endpoint-secret";

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

// Padded standard base64, as the Standard Webhooks libraries accept it: Buffer's decoder
// would skip any other character, so a damaged secret would sign with the wrong key.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function signingKey(secret: string): Buffer {
  const encoded = secret.startsWith(ENDPOINT_SECRET_PREFIX) ? secret.slice(ENDPOINT_SECRET_PREFIX.length) : secret;
  if (encoded.length === 0 || !BASE64.test(encoded)) throw new Error("The endpoint's signing secret is not base64");
  return Buffer.from(encoded, "base64");
}

/** `v1,` + base64 HMAC-SHA256 of `<msgId>.<seconds>.<payload>`: the Standard Webhooks scheme, on node:crypto (native, where the reference library hashes in JS). */
function sign(secret: string, msgId: string, seconds: number, payload: string): string {
  return `v1,${createHmac("sha256", signingKey(secret)).update(`${msgId}.${seconds}.${payload}`).digest("base64")}`;
}

/**
 * The Standard Webhooks signature header: `v1,<base64>` for the current secret and,
 * while a rotation is under way, for the previous one too, so receivers still holding
 * the old secret keep verifying.
 */
export function signatureHeader(secrets: SigningSecrets, msgId: string, timestamp: Date, payload: string): string {
  const active = [secrets.secret];
  if (secrets.previousSecret && (!secrets.previousSecretExpiresAt || secrets.previousSecretExpiresAt.getTime() > timestamp.getTime())) {
    active.push(secrets.previousSecret);
  }
  const seconds = Math.floor(timestamp.getTime() / 1000);
  return active.map((s) => sign(s, msgId, seconds, payload)).join(" ");
}
