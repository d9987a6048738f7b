import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { ACTOR_HEADER } from "@/lib/auth/actor";
import { classify } from "@/lib/auth/access";
import { createApiToken } from "@/lib/auth/tokens";
import { OPERATIONS } from "@/lib/contract/operations";
import { testProviders, useTestDatabase } from "../../support/databases";
import { SITE, apiRequest, clearAuthData, createOperator, forwarded, sessionCookieFor } from "./support";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const APP = path.resolve(import.meta.dirname, "../../../app");
const PERSON_ONLY = new Set(OPERATIONS.filter((o) => o.access === "person").map((o) => `${o.method} ${o.route}`));

type RouteModule = Partial<Record<(typeof METHODS)[number], (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>>;

interface RouteCase {
  file: string;
  path: string;
  params: Record<string, string>;
  method: string;
}

/** Every route handler in app/api, found on disk at test time, so a new route is covered the day it lands. */
async function discoverRoutes(): Promise<RouteCase[]> {
  const files = readdirSync(path.join(APP, "api"), { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join("api", f))
    .sort();
  const cases: RouteCase[] = [];
  for (const file of files) {
    const params: Record<string, string> = {};
    const segments = path
      .dirname(file)
      .split(path.sep)
      // Route groups like (dashboard) are not part of the URL.
      .filter((s) => !/^\(.*\)$/.test(s))
      .map((s) => {
        const param = s.match(/^\[(?:\.\.\.)?(\w+)\]$/);
        if (!param) return s;
        params[param[1]] = "route_guard_dummy";
        return "route_guard_dummy";
      });
    const mod = (await import(path.join(APP, file))) as RouteModule;
    for (const method of METHODS) if (typeof mod[method] === "function") cases.push({ file, path: `/${segments.join("/")}`, params, method });
  }
  return cases;
}

describe.each(testProviders())("proxy.ts in front of every API route on %s", (provider) => {
  const t = useTestDatabase(provider);
  let routes: RouteCase[] = [];
  let proxy: (req: NextRequest) => Promise<Response>;
  let operatorId = "";
  let token = "";

  beforeAll(async () => {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", t.url);
    vi.stubEnv("HOOKRELAY_METRICS_TOKEN", "scrape-secret");
    await clearAuthData(t.db);
    operatorId = (await createOperator(t.db)).id;
    token = (await createApiToken(t.db, { name: "route-guard", createdBy: null }, "system")).token;
    ({ proxy } = await import("@/proxy"));
    routes = await discoverRoutes();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  const isPublic = (r: RouteCase) => classify(r.method, r.path) === "public" || classify(r.method, r.path) === "auth-api";

  it("finds the routes on disk, including the operator APIs and the public webhook", () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(expect.arrayContaining(["POST /api/webhook", "POST /api/webhook/route_guard_dummy", "GET /api/health", "GET /api/tokens", "DELETE /api/tokens/route_guard_dummy", "GET /api/metrics", "POST /api/cleanup", "GET /api/audit"]));
    expect(routes.filter((r) => !isPublic(r)).length).toBeGreaterThanOrEqual(10);
  });

  it("answers 401 to every non-public route without a session or token, before the handler runs", async () => {
    const failures: string[] = [];
    for (const r of routes.filter((route) => !isPublic(route))) {
      const res = await proxy(new NextRequest(apiRequest(r.path, { method: r.method, body: r.method === "GET" || r.method === "HEAD" ? undefined : {} })));
      const body = r.method === "HEAD" ? null : ((await res.json()) as { error?: { code?: string } });
      if (res.status !== 401 || (body && body.error?.code !== "unauthorized") || res.headers.get("x-middleware-next")) failures.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers 401 to every non-public route with a forged actor header, a bad token or a stale cookie", async () => {
    const failures: string[] = [];
    const attempts: Record<string, string>[] = [
      { [ACTOR_HEADER]: `operator:${operatorId}:alice%40example.com` },
      { authorization: "Bearer hr_not_a_real_token" },
      { cookie: "hookrelay_session=expired-or-made-up" },
    ];
    for (const r of routes.filter((route) => !isPublic(route))) {
      for (const headers of attempts) {
        const res = await proxy(new NextRequest(apiRequest(r.path, { method: r.method, headers })));
        if (res.status !== 401) failures.push(`${r.method} ${r.path} with ${Object.keys(headers)[0]} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("passes every route through with a session or an API token, and the handler does not answer 401 or 403, but a token gets 403 where only a person may act", async () => {
    const failures: string[] = [];
    for (const r of routes) {
      // A fresh session per call: the sign-out route ends the one it is given.
      const credentials: Record<string, string>[] = [{ cookie: await sessionCookieFor(t.db, operatorId) }, { authorization: `Bearer ${token}` }];
      for (const headers of credentials) {
        // What only a person may do (tokens, operators, one's password) is refused to a token.
        const refused = !!headers.authorization && PERSON_ONLY.has(`${r.method} /${path.dirname(r.file).split(path.sep).join("/")}`);
        const body = r.method === "GET" || r.method === "HEAD" ? undefined : {};
        const req = apiRequest(r.path, { method: r.method, headers, body });
        const res = await proxy(new NextRequest(req.clone()));
        const label = `${r.method} ${r.path} (${Object.keys(headers)[0]})`;
        if (res.headers.get("x-middleware-next") !== "1") {
          if (!(refused && res.status === 403)) failures.push(`${label} stopped by the proxy: ${res.status}`);
          continue;
        }
        const through = forwarded(req, res);
        if (!isPublic(r) && !through.headers.get(ACTOR_HEADER)) failures.push(`${r.method} ${r.path}: no actor header`);
        const mod = (await import(path.join(APP, r.file))) as RouteModule;
        const answer = await mod[r.method as keyof RouteModule]!(through, { params: Promise.resolve(r.params) });
        await answer.body?.cancel();
        const authRoute = r.path.startsWith("/api/auth/");
        if (refused) {
          if (answer.status !== 403) failures.push(`${label} → ${answer.status}, not 403`);
        } else if (!authRoute && (answer.status === 401 || answer.status === 403)) failures.push(`${label} → handler ${answer.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("lets the public routes through without credentials and strips a forged actor header", async () => {
    for (const r of routes.filter(isPublic)) {
      const req = apiRequest(r.path, { method: r.method, headers: { [ACTOR_HEADER]: "operator:x:forged" }, body: r.method === "GET" ? undefined : {} });
      const res = await proxy(new NextRequest(req.clone()));
      expect(res.headers.get("x-middleware-next"), `${r.method} ${r.path}`).toBe("1");
      expect(forwarded(req, res).headers.get(ACTOR_HEADER), `${r.method} ${r.path}`).toBeNull();
    }
  });

  it("refuses a cross-site mutation with a valid session cookie on every non-public mutating route", async () => {
    const cookie = await sessionCookieFor(t.db, operatorId);
    const failures: string[] = [];
    for (const r of routes.filter((route) => !isPublic(route) && !["GET", "HEAD", "OPTIONS"].includes(route.method))) {
      const res = await proxy(new NextRequest(apiRequest(r.path, { method: r.method, sameOrigin: false, headers: { cookie, origin: "https://evil.example" }, body: {} })));
      if (res.status !== 403) failures.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("tags every answer with a request id, keeping a caller's plain one", async () => {
    const res = await proxy(new NextRequest(apiRequest("/api/deliveries", { headers: { "x-request-id": "lb-42.a:b" } })));
    expect(res.headers.get("x-request-id")).toBe("lb-42.a:b");
    const fresh = await proxy(new NextRequest(apiRequest("/api/health", { headers: { "x-request-id": "bad id\n" } })));
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never gives a webhook an X-Request-Id it did not send: that header is an idempotency key source", async () => {
    const res = await proxy(new NextRequest(apiRequest("/api/webhook", { method: "POST", body: { type: "no.id" } })));
    // NextResponse.next() lists the request headers it overrides as x-middleware-request-<name>.
    expect(res.headers.get("x-middleware-request-x-request-id")).toBeNull();
    expect(res.headers.get("x-middleware-request-x-hookrelay-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("redirects dashboard pages to sign-in and serves them with a session", async () => {
    const page = await proxy(new NextRequest(`${SITE}/dead-letters`));
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe(`${SITE}/sign-in?next=%2Fdead-letters`);
    const signedIn = await proxy(new NextRequest(`${SITE}/dead-letters`, { headers: { cookie: await sessionCookieFor(t.db, operatorId) } }));
    expect(signedIn.headers.get("x-middleware-next")).toBe("1");
  });

  it("opens /api/metrics with HOOKRELAY_METRICS_TOKEN and nothing else with it", async () => {
    const metrics = await proxy(new NextRequest(apiRequest("/api/metrics", { headers: { authorization: "Bearer scrape-secret" } })));
    expect(metrics.headers.get("x-middleware-next")).toBe("1");
    const other = await proxy(new NextRequest(apiRequest("/api/deliveries", { headers: { authorization: "Bearer scrape-secret" } })));
    expect(other.status).toBe(401);
  });
});
