import { describe, expect, it } from "vitest";
import { clearedSessionCookie, isSecureRequest, readCookie, SESSION_COOKIE, sessionCookie } from "@/lib/auth/cookies";

const attributes = (cookie: string) => cookie.split("; ").slice(1);

describe("session cookie", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  const expires = new Date("2026-01-08T00:00:00Z");
  const week = expires.getTime() - now.getTime();

  it("is httpOnly, SameSite=Lax, site-wide, and expires with the session", () => {
    const cookie = sessionCookie("tok_123", { maxAgeMs: week, secure: false, now });
    expect(cookie.startsWith(`${SESSION_COOKIE}=tok_123; `)).toBe(true);
    expect(attributes(cookie)).toEqual(["Path=/", `Expires=${expires.toUTCString()}`, "Max-Age=604800", "HttpOnly", "SameSite=Lax"]);
  });

  it("is Secure when the request came over TLS", () => {
    expect(attributes(sessionCookie("t", { maxAgeMs: week, secure: true, now }))).toContain("Secure");
  });

  it("is cleared with an empty value that expired long ago", () => {
    const cookie = clearedSessionCookie(true);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax; Secure$`));
  });
});

describe("isSecureRequest", () => {
  it.each([
    ["https URL", "https://relay.example/api", {}, true],
    ["plain http", "http://relay.example/api", {}, false],
    ["TLS ended at a proxy", "http://10.0.0.5:3000/api", { "x-forwarded-proto": "https" }, true],
    ["proxy chain, first hop https", "http://10.0.0.5:3000/api", { "x-forwarded-proto": "https, http" }, true],
    ["proxy says http", "https://relay.example/api", { "x-forwarded-proto": "http" }, false],
  ])("%s", (_label, url, headers, secure) => {
    expect(isSecureRequest(new Request(url, { headers }))).toBe(secure);
  });
});

describe("readCookie", () => {
  it("finds one cookie among several and ignores similar names", () => {
    const headers = new Headers({ cookie: `x${SESSION_COOKIE}=no; theme=dark;  ${SESSION_COOKIE}=abc-DEF_1 ; other=1` });
    expect(readCookie(headers, SESSION_COOKIE)).toBe("abc-DEF_1");
  });

  it("returns null when absent or empty", () => {
    expect(readCookie(new Headers(), SESSION_COOKIE)).toBeNull();
    expect(readCookie(new Headers({ cookie: `${SESSION_COOKIE}=` }), SESSION_COOKIE)).toBeNull();
  });
});
