import { Webhook } from "standardwebhooks";

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
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
  return active.map((s) => new Webhook(s).sign(msgId, timestamp, payload)).join(" ");
}
