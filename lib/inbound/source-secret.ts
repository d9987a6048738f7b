import { randomBytes } from "node:crypto";
import { z } from "zod";
import { WHSEC_PREFIX } from "./providers/standard-webhooks";
import type { SecretFormat } from "./providers/types";

/** A fresh secret in the form the preset's senders and libraries expect. */
export function generateSecret(format: SecretFormat): string {
  return format === "whsec" ? `${WHSEC_PREFIX}${randomBytes(24).toString("base64")}` : randomBytes(32).toString("hex");
}

/** Standard Webhooks secrets are base64 key bytes behind `whsec_`; the spec asks for 24 to 64 bytes. */
const whsecSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, { message: "This secret is 'whsec_' followed by base64", abort: true })
  .refine((s) => {
    const bytes = Buffer.from(s.slice(WHSEC_PREFIX.length), "base64").length;
    return bytes >= 24 && bytes <= 64;
  }, "A whsec_ secret encodes 24 to 64 bytes");

const textSecret = z
  .string()
  .min(8, "A secret has at least 8 characters")
  .max(512, "A secret has at most 512 characters")
  .regex(/^\S(.*\S)?$/, "A secret cannot start or end with whitespace");

export function secretSchemaFor(format: SecretFormat): z.ZodType<string> {
  return format === "whsec" ? whsecSecret : textSecret;
}

/** Enough of a secret to tell two apart on screen, never enough to use it. */
export function secretHint(secret: string | null): string | null {
  if (!secret) return null;
  const prefix = secret.startsWith(WHSEC_PREFIX) ? WHSEC_PREFIX : "";
  return `${prefix}••••${secret.slice(-4)}`;
}
