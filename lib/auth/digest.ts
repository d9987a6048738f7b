import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Session and API tokens are stored only as this digest: a leaked table holds nothing usable. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Compares two secrets in time that depends on neither: both sides are digested first, so
 * even a length difference does not leak through an early return.
 */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash("sha256").update(a, "utf8").digest();
  const db = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(da, db);
}
