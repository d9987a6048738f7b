import { randomBytes } from "node:crypto";

export const ENDPOINT_SECRET_PREFIX = "whsec_";

/** How long the secret replaced by a rotation keeps signing, so receivers can switch over. */
export const SECRET_ROTATION_GRACE_MS = 24 * 3600 * 1000;

/** Standard Webhooks form: `whsec_` + base64 of 24 random bytes (192 bits). */
export function generateEndpointSecret(): string {
  return ENDPOINT_SECRET_PREFIX + randomBytes(24).toString("base64");
}

/** Enough to tell two secrets apart in the dashboard, too little to sign with. */
export function secretHint(secret: string): string {
  return secret.slice(-4);
}
