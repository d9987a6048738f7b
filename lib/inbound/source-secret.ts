import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { SigningScheme } from "./signature";

export type SignedScheme = Exclude<SigningScheme, "none">;

const STANDARD_WEBHOOKS_PREFIX = "whsec_";

/** A fresh secret in the form each scheme's providers and libraries expect. */
export function generateSecret(scheme: SignedScheme): string {
  return scheme === "standard_webhooks" ? `${STANDARD_WEBHOOKS_PREFIX}${randomBytes(24).toString("base64")}` : randomBytes(32).toString("hex");
}

/** Standard Webhooks secrets are base64 key bytes behind `whsec_`; the spec asks for 24 to 64 bytes. */
const standardWebhooksSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, { message: "A Standard Webhooks secret is 'whsec_' followed by base64", abort: true })
  .refine((s) => {
    const bytes = Buffer.from(s.slice(STANDARD_WEBHOOKS_PREFIX.length), "base64").length;
    return bytes >= 24 && bytes <= 64;
  }, "A Standard Webhooks secret encodes 24 to 64 bytes");

const hmacSecret = z
  .string()
  .min(8, "An HMAC secret has at least 8 characters")
  .max(512, "An HMAC secret has at most 512 characters")
  .regex(/^\S(.*\S)?$/, "An HMAC secret cannot start or end with whitespace");

export function secretSchemaFor(scheme: SignedScheme): z.ZodType<string> {
  return scheme === "standard_webhooks" ? standardWebhooksSecret : hmacSecret;
}

/** Enough of a secret to tell two apart on screen, never enough to use it. */
export function secretHint(secret: string | null): string | null {
  if (!secret) return null;
  const prefix = secret.startsWith(STANDARD_WEBHOOKS_PREFIX) ? STANDARD_WEBHOOKS_PREFIX : "";
  return `${prefix}••••${secret.slice(-4)}`;
}
