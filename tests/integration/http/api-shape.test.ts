import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/http/api-routes";
import { MAX_JSON_DEPTH } from "@/lib/http/json";
import { allowedMethods, HTTP_METHODS, type ApiRoute } from "@/lib/http/route-match";
import { useApp } from "../../support/app-server";
import { ROOT } from "../../support/built-app";
import { testProviders } from "../../support/databases";

const BODY_METHODS = ["POST", "PUT", "PATCH", "DELETE"];
const TOO_DEEP = `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`;

/** A URL for the route with every parameter filled in; `malformed` names the one to fill with `%ff`. */
function urlFor(route: ApiRoute, malformed?: string): string {
  return route.path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    if (name === malformed) return "%ff";
    // The webhook route must reach its body: the default source exists on every installation.
    return name === "source" ? "default" : "shape-test";
  });
}

const paramsOf = (route: ApiRoute) => [...route.path.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]);

interface Answer {
  status: number;
  contentType: string | null;
  allow: string | null;
  body: { error?: { code?: string; message?: string; details?: { maxDepth?: number } } };
}

describe("the API route table", () => {
  it("lists every route file under app/api with the methods it exports", async () => {
    expect(() => execFileSync(process.execPath, ["--import", "tsx", "scripts/api-routes.ts", "--check"], { cwd: ROOT, stdio: "pipe" })).not.toThrow();
    for (const route of API_ROUTES) {
      const mod = (await import(path.join(ROOT, "app", `${route.path.slice(1)}/route.ts`))) as Record<string, unknown>;
      expect(HTTP_METHODS.filter((m) => typeof mod[m] === "function"), route.path).toEqual([...route.methods]);
    }
  });
});

describe.each(testProviders())("one error shape for every API route on %s", (provider) => {
  const app = useApp(provider);

  async function ask(method: string, url: string, body?: string): Promise<Answer> {
    const res = await app.operator.fetch(url, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body });
    const text = await res.text();
    return { status: res.status, contentType: res.headers.get("content-type"), allow: res.headers.get("allow"), body: text ? JSON.parse(text) : {} };
  }

  it("answers %ff in any dynamic segment with a JSON 400, before the route runs", async () => {
    const failures: string[] = [];
    for (const route of API_ROUTES) {
      for (const param of paramsOf(route)) {
        for (const method of route.methods) {
          const url = urlFor(route, param);
          const a = await ask(method, url, BODY_METHODS.includes(method) ? "{}" : undefined);
          if (a.status !== 400 || a.body.error?.code !== "bad_request" || !a.contentType?.startsWith("application/json")) failures.push(`${method} ${url} → ${a.status} ${JSON.stringify(a.body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(API_ROUTES.some((r) => paramsOf(r).length > 0)).toBe(true);
  });

  it("answers a method a route does not handle with a JSON 405 and Allow", async () => {
    const failures: string[] = [];
    for (const route of API_ROUTES) {
      const allowed = allowedMethods(route);
      const method = ["PUT", "PATCH", "DELETE", "POST", "GET"].find((m) => !allowed.includes(m))!;
      const a = await ask(method, urlFor(route), BODY_METHODS.includes(method) ? "{}" : undefined);
      if (a.status !== 405 || a.allow !== allowed.join(", ") || a.body.error?.code !== "method_not_allowed") failures.push(`${method} ${route.path} → ${a.status} allow=${a.allow} ${JSON.stringify(a.body)}`);
    }
    expect(failures).toEqual([]);
  });

  it(`answers a body nested deeper than ${MAX_JSON_DEPTH} levels with a JSON 400 that names the limit, on every route that takes a body`, async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of API_ROUTES) {
      for (const method of route.methods.filter((m) => BODY_METHODS.includes(m))) {
        checked++;
        const a = await ask(method, urlFor(route), TOO_DEEP);
        const namesLimit = a.body.error?.details?.maxDepth === MAX_JSON_DEPTH && a.body.error.message?.includes(`${MAX_JSON_DEPTH} levels`);
        if (a.status !== 400 || !namesLimit) failures.push(`${method} ${route.path} → ${a.status} ${JSON.stringify(a.body)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    // Still signed in: the sign-out route refused the body before it ran.
    expect((await app.operator.fetch("/api/auth/session")).status).toBe(200);
  });

  it("answers an unknown API path with a JSON 404, signed in or not", async () => {
    for (const url of ["/api/nope", "/api/endpoints/x/y/z", "/api"]) {
      const a = await ask("GET", url);
      expect(a.status, url).toBe(404);
      expect(a.body.error?.code, url).toBe("not_found");
      expect((await app.fetch(url)).status, url).toBe(404);
    }
  });
});
