export const SESSION_COOKIE = "hookrelay_session";

/** Reads one cookie from a Cookie header without decoding surprises: tokens are base64url. */
export function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value === "" ? null : value;
    }
  }
  return null;
}

/**
 * True when the browser reached us over TLS, directly or through a proxy that says so.
 * A cookie marked Secure on plain http would never come back, so this must be exact.
 */
export function isSecureRequest(req: Request): boolean {
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return new URL(req.url).protocol === "https:";
}

export interface CookieOptions {
  maxAgeMs: number;
  secure: boolean;
  now?: Date;
}

/**
 * HttpOnly keeps scripts away from the token; SameSite=Lax keeps it off cross-site
 * subrequests and form posts while links from elsewhere (an alert e-mail) still land
 * signed in. Expires is there for old browsers that ignore Max-Age.
 */
export function sessionCookie(token: string, { maxAgeMs, secure, now = new Date() }: CookieOptions): string {
  const expires = new Date(now.getTime() + maxAgeMs);
  const attributes = [`${SESSION_COOKIE}=${token}`, "Path=/", `Expires=${expires.toUTCString()}`, `Max-Age=${Math.floor(maxAgeMs / 1000)}`, "HttpOnly", "SameSite=Lax"];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", { maxAgeMs: 0, secure, now: new Date(0) });
}
