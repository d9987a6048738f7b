import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
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
export const DEFAULT_HMAC_PREFIX = "sha256=";

/** The Standard Webhooks tolerance: a signature older or newer than this is refused as a possible replay. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** The secrets a request may be signed with: the current one and, during a rotation, the previous one. */
export function activeSecrets(source: SourceSigning, now: number): string[] {
  const secrets = source.secret ? [source.secret] : [];
  if (source.previousSecret && (!source.previousSecretExpiresAt || source.previousSecretExpiresAt.getTime() > now)) {
    secrets.push(source.previousSecret);
  }
  return secrets;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The library's signer, or undefined for a secret it cannot decode (a misconfigured source must not become a 500). */
function signer(secret: string): Webhook | undefined {
  try {
    return new Webhook(secret);
  } catch {
    return undefined;
  }
}

/**
 * Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, any of several space-separated
 * `v1,` signatures may match. The timestamp is checked against the caller's clock rather
 * than the library's `verify`, which reads Date.now() and JSON-parses the body itself.
 */
function verifyStandardWebhooks(secrets: string[], rawBody: string, headers: Headers, now: number): SignatureCheck {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signature = headers.get("webhook-signature");
  if (!id || !timestamp || !signature) {
    return { ok: false, reason: "Missing webhook-id, webhook-timestamp or webhook-signature header" };
  }
  if (!/^\d{1,12}$/.test(timestamp.trim())) return { ok: false, reason: "The webhook-timestamp header is not a Unix time in seconds" };
  const seconds = Number(timestamp.trim());
  const skew = Math.floor(now / 1000) - seconds;
  if (skew > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: "Stale signature: the timestamp is more than 5 minutes old" };
  if (skew < -TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: "Stale signature: the timestamp is more than 5 minutes in the future" };

  const provided = signature
    .split(" ")
    .map((s) => s.trim().split(","))
    .filter(([version, value]) => version === "v1" && value)
    .map(([, value]) => value);
  for (const secret of secrets) {
    const expected = signer(secret)?.sign(id, new Date(seconds * 1000), rawBody).slice("v1,".length);
    if (expected && provided.some((p) => safeEqual(p, expected))) return { ok: true };
  }
  return { ok: false, reason: secrets.length ? "Signature does not match" : "No signing secret is configured for this source" };
}

function verifyHmac(source: SourceSigning, secrets: string[], rawBody: string, headers: Headers): SignatureCheck {
  const headerName = (source.signatureHeader ?? DEFAULT_HMAC_HEADER).toLowerCase();
  const prefix = source.signaturePrefix ?? DEFAULT_HMAC_PREFIX;
  const value = headers.get(headerName);
  if (!value) return { ok: false, reason: `Missing ${headerName} header` };
  const provided = value.startsWith(prefix) ? value.slice(prefix.length).trim() : value.trim();
  for (const secret of secrets) {
    const digest = createHmac("sha256", secret).update(rawBody, "utf8").digest();
    // Providers send the digest as hex (GitHub) or base64 (Shopify and others): accept either.
    if (safeEqual(provided.toLowerCase(), digest.toString("hex")) || safeEqual(provided, digest.toString("base64"))) return { ok: true };
  }
  return { ok: false, reason: secrets.length ? "Signature does not match" : "No signing secret is configured for this source" };
}

/** Checks a request's signature against its source's scheme over the exact text received. */
export function verifySignature(source: SourceSigning, rawBody: string, headers: Headers, now: number): SignatureCheck {
  const scheme = signingSchemeSchema.safeParse(source.signingScheme);
  if (!scheme.success) return { ok: false, reason: `Unknown signing scheme ${source.signingScheme}` };
  if (scheme.data === "none") return { ok: true };
  const secrets = activeSecrets(source, now);
  return scheme.data === "standard_webhooks" ? verifyStandardWebhooks(secrets, rawBody, headers, now) : verifyHmac(source, secrets, rawBody, headers);
}
