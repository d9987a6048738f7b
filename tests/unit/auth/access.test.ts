import { describe, expect, it } from "vitest";
import { classify, decideAccess, type AccessDecision, type AccessLookups } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { SESSION_COOKIE } from "@/lib/auth/cookies";

const OPERATOR: Actor = { kind: "operator", id: "op_1", name: "alice@example.com" };
const TOKEN: Actor = { kind: "token", id: "tok_1", name: "ci" };
const SITE = "http://relay.example";

interface Fake extends AccessLookups {
  calls: string[];
}

function lookups({ operators = true, metricsToken }: { operators?: boolean; metricsToken?: string } = {}): Fake {
  const calls: string[] = [];
  return {
    calls,
    metricsToken,
    async session(token) {
      calls.push(`session:${token}`);
      return token === "good-session" ? OPERATOR : null;
    },
    async apiToken(token) {
      calls.push(`token:${token}`);
      return token === "hr_good" ? TOKEN : null;
    },
    async hasOperator() {
      calls.push("hasOperator");
      return operators;
    },
  };
}

interface Req {
  method?: string;
  cookie?: string;
  bearer?: string;
  authorization?: string;
  origin?: string;
  referer?: string;
  secFetchSite?: string;
}

function request(path: string, r: Req = {}) {
  const headers = new Headers({ host: "relay.example" });
  if (r.cookie) headers.set("cookie", `${SESSION_COOKIE}=${r.cookie}`);
  if (r.bearer) headers.set("authorization", `Bearer ${r.bearer}`);
  if (r.authorization) headers.set("authorization", r.authorization);
  if (r.origin) headers.set("origin", r.origin);
  if (r.referer) headers.set("referer", r.referer);
  if (r.secFetchSite) headers.set("sec-fetch-site", r.secFetchSite);
  return { method: r.method ?? "GET", url: SITE + path, headers };
}

function expectDeny(d: AccessDecision, status: number, code: string) {
  expect(d.action).toBe("deny");
  if (d.action === "deny") {
    expect(d.error.status).toBe(status);
    expect(d.error.code).toBe(code);
  }
}

describe("classify", () => {
  it.each([
    ["POST", "/api/webhook", "public"],
    ["POST", "/api/webhook/stripe", "public"],
    ["GET", "/api/webhook", "api"],
    ["POST", "/api/webhooks", "api"],
    ["GET", "/api/health", "public"],
    ["HEAD", "/api/health", "public"],
    ["POST", "/api/health", "api"],
    ["GET", "/api/health/deep", "api"],
    ["GET", "/api/ping", "public"],
    ["POST", "/api/ping", "public"],
    ["DELETE", "/api/ping", "api"],
    ["POST", "/api/auth/sign-in", "auth-api"],
    ["GET", "/api/auth/session", "auth-api"],
    ["GET", "/api/authx", "api"],
    ["GET", "/api/deliveries", "api"],
    ["GET", "/api", "api"],
    ["GET", "/sign-in", "auth-page"],
    ["GET", "/setup", "auth-page"],
    ["GET", "/setup/extra", "page"],
    ["GET", "/_next/static/chunks/app.js", "public"],
    ["GET", "/favicon.ico", "public"],
    ["GET", "/", "page"],
    ["GET", "/settings", "page"],
  ])("%s %s is %s", (method, path, area) => expect(classify(method, path)).toBe(area));
});

describe("decideAccess: public routes", () => {
  it.each([
    ["POST", "/api/webhook"],
    ["POST", "/api/webhook/github"],
    ["GET", "/api/health"],
    ["GET", "/_next/static/x.js"],
  ])("%s %s passes without credentials and without touching the database", async (method, path) => {
    const l = lookups();
    expect(await decideAccess(request(path, { method }), l)).toEqual({ action: "next", actor: null });
    expect(l.calls).toEqual([]);
  });

  it("lets a cross-site webhook through: providers are other sites", async () => {
    const d = await decideAccess(request("/api/webhook", { method: "POST", origin: "https://provider.example" }), lookups());
    expect(d).toEqual({ action: "next", actor: null });
  });
});

describe("decideAccess: operator APIs", () => {
  it("answers 401 without credentials", async () => {
    expectDeny(await decideAccess(request("/api/deliveries"), lookups()), 401, "unauthorized");
  });

  it("passes a valid session as the operator", async () => {
    expect(await decideAccess(request("/api/deliveries", { cookie: "good-session" }), lookups())).toEqual({ action: "next", actor: OPERATOR });
  });

  it("answers 401 for an unknown or expired session", async () => {
    expectDeny(await decideAccess(request("/api/deliveries", { cookie: "stale" }), lookups()), 401, "unauthorized");
  });

  it("passes a valid API token as the program", async () => {
    expect(await decideAccess(request("/api/messages", { method: "POST", bearer: "hr_good" }), lookups())).toEqual({ action: "next", actor: TOKEN });
  });

  it("answers 401 for a revoked or unknown token even when a valid session cookie is also sent", async () => {
    expectDeny(await decideAccess(request("/api/messages", { bearer: "hr_revoked", cookie: "good-session" }), lookups()), 401, "unauthorized");
  });

  it.each(["Basic YWxpY2U6cHc=", "Bearer", "Bearer a b", "hr_good"])("answers 401 for a malformed Authorization header %j", async (authorization) => {
    const l = lookups();
    expectDeny(await decideAccess(request("/api/deliveries", { authorization }), l), 401, "unauthorized");
    expect(l.calls).toEqual([]);
  });

  it("accepts the lowercase bearer scheme", async () => {
    expect(await decideAccess(request("/api/deliveries", { authorization: "bearer hr_good" }), lookups())).toEqual({ action: "next", actor: TOKEN });
  });

  it("does not need Origin for a token-authenticated mutation", async () => {
    const d = await decideAccess(request("/api/endpoints", { method: "DELETE", bearer: "hr_good", origin: "https://elsewhere.example" }), lookups());
    expect(d).toEqual({ action: "next", actor: TOKEN });
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses a cross-site %s with the session cookie (403) before looking the session up", async (method) => {
    const l = lookups();
    expectDeny(await decideAccess(request("/api/endpoints", { method, cookie: "good-session", origin: "https://evil.example" }), l), 403, "forbidden");
    expect(l.calls).toEqual([]);
  });

  it("lets a cookie-authenticated mutation with no browser headers through (a script with a cookie jar, not a page)", async () => {
    expect(await decideAccess(request("/api/endpoints", { method: "POST", cookie: "good-session" }), lookups())).toEqual({ action: "next", actor: OPERATOR });
  });

  it("refuses a mutation a browser labels cross-site, whatever Origin says", async () => {
    const d = await decideAccess(request("/api/endpoints", { method: "POST", cookie: "good-session", origin: SITE, secFetchSite: "cross-site" }), lookups());
    expectDeny(d, 403, "forbidden");
  });

  it("accepts a same-site mutation by Origin, or by Referer when Origin is absent", async () => {
    expect(await decideAccess(request("/api/endpoints", { method: "POST", cookie: "good-session", origin: SITE }), lookups())).toEqual({ action: "next", actor: OPERATOR });
    expect(await decideAccess(request("/api/endpoints", { method: "POST", cookie: "good-session", referer: `${SITE}/endpoints` }), lookups())).toEqual({ action: "next", actor: OPERATOR });
  });

  it("allows a cross-site GET with the cookie: reads change nothing and SameSite=Lax keeps the cookie off cross-site subrequests", async () => {
    expect(await decideAccess(request("/api/deliveries", { cookie: "good-session", origin: "https://evil.example" }), lookups())).toEqual({ action: "next", actor: OPERATOR });
  });
});

describe("decideAccess: metrics", () => {
  it("opens /api/metrics with the metrics token, as the metrics actor", async () => {
    const l = lookups({ metricsToken: "scrape-secret" });
    expect(await decideAccess(request("/api/metrics", { bearer: "scrape-secret" }), l)).toEqual({ action: "next", actor: { kind: "metrics" } });
    expect(l.calls).toEqual([]);
  });

  it("does not open anything else with the metrics token", async () => {
    expectDeny(await decideAccess(request("/api/deliveries", { bearer: "scrape-secret" }), lookups({ metricsToken: "scrape-secret" })), 401, "unauthorized");
  });

  it("refuses a wrong metrics token, and any bearer when no metrics token is configured", async () => {
    expectDeny(await decideAccess(request("/api/metrics", { bearer: "scrape-secreT" }), lookups({ metricsToken: "scrape-secret" })), 401, "unauthorized");
    expectDeny(await decideAccess(request("/api/metrics", { bearer: "anything" }), lookups()), 401, "unauthorized");
  });

  it("also accepts an API token or a session", async () => {
    expect(await decideAccess(request("/api/metrics", { bearer: "hr_good" }), lookups({ metricsToken: "m" }))).toEqual({ action: "next", actor: TOKEN });
    expect(await decideAccess(request("/api/metrics", { cookie: "good-session" }), lookups())).toEqual({ action: "next", actor: OPERATOR });
  });
});

describe("decideAccess: sign-in API", () => {
  it("lets sign-in, setup, sign-out and session through without credentials", async () => {
    for (const [method, path] of [["POST", "/api/auth/sign-in"], ["POST", "/api/auth/setup"], ["POST", "/api/auth/sign-out"], ["GET", "/api/auth/session"]]) {
      expect(await decideAccess(request(path, { method, origin: SITE }), lookups())).toEqual({ action: "next", actor: null });
    }
  });

  it("lets a program sign in without Origin (curl), but refuses a sign-in posted from another site (login CSRF)", async () => {
    expect(await decideAccess(request("/api/auth/sign-in", { method: "POST" }), lookups())).toEqual({ action: "next", actor: null });
    expectDeny(await decideAccess(request("/api/auth/sign-in", { method: "POST", origin: "https://evil.example" }), lookups()), 403, "forbidden");
  });

  it("refuses a cross-site sign-out", async () => {
    expectDeny(await decideAccess(request("/api/auth/sign-out", { method: "POST", cookie: "good-session", origin: "https://evil.example" }), lookups()), 403, "forbidden");
  });
});

describe("decideAccess: dashboard pages", () => {
  it("redirects to sign-in with the page to come back to", async () => {
    expect(await decideAccess(request("/deliveries?status=dead"), lookups())).toEqual({ action: "redirect", location: "/sign-in?next=%2Fdeliveries%3Fstatus%3Ddead" });
  });

  it("redirects to setup while no operator exists", async () => {
    expect(await decideAccess(request("/"), lookups({ operators: false }))).toEqual({ action: "redirect", location: "/setup" });
  });

  it("redirects a stale session to sign-in", async () => {
    expect(await decideAccess(request("/settings", { cookie: "stale" }), lookups())).toEqual({ action: "redirect", location: "/sign-in?next=%2Fsettings" });
  });

  it("serves the page to a signed-in operator", async () => {
    expect(await decideAccess(request("/", { cookie: "good-session" }), lookups())).toEqual({ action: "next", actor: OPERATOR });
  });

  it("does not accept an API token for pages: they are for people", async () => {
    expect((await decideAccess(request("/", { bearer: "hr_good" }), lookups())).action).toBe("redirect");
  });

  it("refuses a cross-site form post to a page (a server action) with the cookie", async () => {
    expectDeny(await decideAccess(request("/endpoints", { method: "POST", cookie: "good-session", origin: "https://evil.example" }), lookups()), 403, "forbidden");
  });
});

describe("decideAccess: sign-in and setup pages", () => {
  it("shows sign-in when an operator exists and nobody is signed in", async () => {
    expect(await decideAccess(request("/sign-in"), lookups())).toEqual({ action: "next", actor: null });
  });

  it("sends a signed-in operator on from sign-in to the next page, never off-site", async () => {
    expect(await decideAccess(request("/sign-in?next=%2Fpolicies", { cookie: "good-session" }), lookups())).toEqual({ action: "redirect", location: "/policies" });
    expect(await decideAccess(request("/sign-in?next=%2F%2Fevil.example", { cookie: "good-session" }), lookups())).toEqual({ action: "redirect", location: "/" });
  });

  it("sends sign-in to setup while no operator exists, and setup to sign-in once one does", async () => {
    expect(await decideAccess(request("/sign-in"), lookups({ operators: false }))).toEqual({ action: "redirect", location: "/setup" });
    expect(await decideAccess(request("/setup"), lookups({ operators: false }))).toEqual({ action: "next", actor: null });
    expect(await decideAccess(request("/setup"), lookups())).toEqual({ action: "redirect", location: "/sign-in" });
  });
});
