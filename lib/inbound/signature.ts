import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";

export const SIGNING_SCHEMES = ["none", "standard_webhooks", "hmac_sha256"] as const;
export const signingSchemeSchema = z.enum(SIGNING_SCHEMES);
export type SigningScheme = z.infer<typeof signingSchemeSchema>;

export interface SourceSigning {
  signingScheme: string;
  secret: string | null;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  signatureHeader: string | null;
  signaturePrefix: string | null;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export const DEFAULT_HMAC_HEADER = "x-signature-256";

/** The secrets a request may be signed with: the current one and, during a rotation, the previous one. */
export function activeSecrets(source: SourceSigning, now: number): string[] {
  const secrets = source.secret ? [source.secret] : [];
  if (source.previousSecret && (!source.previousSecretExpiresAt || source.previousSecretExpiresAt.getTime() > now)) {
    secrets.push(source.previousSecret);
  }
  return secrets;
}

function verifyStandardWebhooks(secrets: string[], rawBody: string, headers: Headers): SignatureCheck {
  const required = {
    "webhook-id": headers.get("webhook-id") ?? "",
    "webhook-timestamp": headers.get("webhook-timestamp") ?? "",
    "webhook-signature": headers.get("webhook-signature") ?? "",
  };
  if (!required["webhook-id"] || !required["webhook-timestamp"] || !required["webhook-signature"]) {
    return { ok: false, reason: "Missing webhook-id, webhook-timestamp or webhook-signature header" };
  }
  let lastReason = "No signing secret is configured for this source";
  for (const secret of secrets) {
    try {
      // The library checks the 5-minute timestamp tolerance, every listed signature, in constant time.
      new Webhook(secret).verify(rawBody, required);
      return { ok: true };
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err;
      lastReason = err.message === "Message timestamp too old" || err.message === "Message timestamp too new" ? `Stale signature: ${err.message.toLowerCase()}` : "Signature does not match";
    }
  }
  return { ok: false, reason: lastReason };
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function verifyHmac(source: SourceSigning, secrets: string[], rawBody: string, headers: Headers): SignatureCheck {
  const headerName = (source.signatureHeader ?? DEFAULT_HMAC_HEADER).toLowerCase();
  const prefix = source.signaturePrefix ?? "sha256=";
  const value = headers.get(headerName);
  if (!value) return { ok: false, reason: `Missing ${headerName} header` };
  const provided = value.startsWith(prefix) ? value.slice(prefix.length).trim() : value.trim();
  for (const secret of secrets) {
    const digest = createHmac("sha256", secret).update(rawBody, "utf8").digest();
    // Providers send the digest as hex (GitHub) or base64 (Shopify and others): accept either.
    if (safeEqual(Buffer.from(provided, "utf8"), Buffer.from(digest.toString("hex"), "utf8"))) return { ok: true };
    if (safeEqual(Buffer.from(provided, "utf8"), Buffer.from(digest.toString("base64"), "utf8"))) return { ok: true };
  }
  return { ok: false, reason: secrets.length ? "Signature does not match" : "No signing secret is configured for this source" };
}

/** Checks a request's signature against its source's scheme over the exact bytes received. */
export function verifySignature(source: SourceSigning, rawBody: string, headers: Headers, now: number): SignatureCheck {
  const scheme = signingSchemeSchema.safeParse(source.signingScheme);
  if (!scheme.success) return { ok: false, reason: `Unknown signing scheme ${source.signingScheme}` };
  if (scheme.data === "none") return { ok: true };
  const secrets = activeSecrets(source, now);
  return scheme.data === "standard_webhooks" ? verifyStandardWebhooks(secrets, rawBody, headers) : verifyHmac(source, secrets, rawBody, headers);
}
