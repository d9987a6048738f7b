import { AppError } from "../errors/app-error";
import type { Actor } from "./actor";
import { readCookie, SESSION_COOKIE } from "./cookies";
import { secretsEqual } from "./digest";
import { safeNextPath } from "./next-path";
import { isCrossSite, isMutation } from "./origin";

export interface AccessRequest {
  method: string;
  url: string;
  headers: Headers;
}

/** What the decision needs from the database, injected so the decision itself stays pure. */
export interface AccessLookups {
  /** The operator behind a session cookie's value, or null when unknown or expired. */
  session(token: string): Promise<Actor | null>;
  /** The program behind an API token, or null when unknown or revoked. */
  apiToken(token: string): Promise<Actor | null>;
  hasOperator(): Promise<boolean>;
  /** HOOKRELAY_METRICS_TOKEN: a bearer secret that opens /api/metrics and nothing else. */
  metricsToken?: string;
}

export type AccessDecision =
  | { action: "next"; actor: Actor | null }
  | { action: "deny"; error: AppError }
  | { action: "redirect"; location: string };

/**
 * - `public`: provider-facing webhooks, health and liveness, the OpenAPI document, static assets: no credentials at all.
 * - `auth-api`: sign-in, setup, sign-out, session: no credentials, but mutations must be same-site.
 * - `auth-page`: the sign-in and setup pages.
 * - `api`, `page`: everything else belongs to operators and programs.
 */
export type Area = "public" | "auth-api" | "auth-page" | "api" | "page";

const AUTH_PAGES = new Set(["/sign-in", "/setup"]);

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

export function classify(method: string, pathname: string): Area {
  const m = method.toUpperCase();
  if (m === "POST" && under(pathname, "/api/webhook")) return "public";
  if ((m === "GET" || m === "HEAD") && pathname === "/api/health") return "public";
  // Liveness for load balancers; its POST is the benchmark's like-for-like twin of the webhook.
  if ((m === "GET" || m === "HEAD" || m === "POST") && pathname === "/api/ping") return "public";
  // The API's own description: a client generator or a reader needs it before any credentials.
  if ((m === "GET" || m === "HEAD") && pathname === "/api/openapi.json") return "public";
  if (under(pathname, "/api/auth")) return "auth-api";
  if (under(pathname, "/api")) return "api";
  if (AUTH_PAGES.has(pathname)) return "auth-page";
  if (pathname.startsWith("/_next/") || pathname === "/favicon.ico") return "public";
  return "page";
}

const next = (actor: Actor | null): AccessDecision => ({ action: "next", actor });
const deny = (error: AppError): AccessDecision => ({ action: "deny", error });
const redirect = (location: string): AccessDecision => ({ action: "redirect", location });

const crossSite = () => deny(new AppError("forbidden", "Cross-site request refused: changes must come from Hookrelay's own pages or carry an API token"));

/** The token of `Authorization: Bearer <token>`; an empty string for any other scheme, which never matches. */
function bearerToken(headers: Headers): string {
  const match = headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : "";
}

async function apiAccess(req: AccessRequest, url: URL, cookie: string | null, lookups: AccessLookups): Promise<AccessDecision> {
  // A bearer token is sent by a program on purpose, never attached by a browser on its
  // own, so it needs no cross-site check; a bad one is refused rather than ignored in
  // favour of a cookie, so a misconfigured program finds out.
  if (req.headers.has("authorization")) {
    const token = bearerToken(req.headers);
    if (url.pathname === "/api/metrics" && lookups.metricsToken && secretsEqual(token, lookups.metricsToken)) return next({ kind: "metrics" });
    const actor = token ? await lookups.apiToken(token) : null;
    return actor ? next(actor) : deny(new AppError("unauthorized", "The API token is not valid or has been revoked"));
  }
  if (!cookie) return deny(new AppError("unauthorized", "Sign in, or send an API token as Authorization: Bearer <token>"));
  if (isMutation(req.method) && isCrossSite(req.headers, url)) return crossSite();
  const actor = await lookups.session(cookie);
  return actor ? next(actor) : deny(new AppError("unauthorized", "Your session has ended; sign in again"));
}

async function authPageAccess(url: URL, cookie: string | null, lookups: AccessLookups): Promise<AccessDecision> {
  const hasOperator = await lookups.hasOperator();
  if (url.pathname === "/setup") return hasOperator ? redirect("/sign-in") : next(null);
  if (!hasOperator) return redirect("/setup");
  const actor = cookie ? await lookups.session(cookie) : null;
  return actor ? redirect(safeNextPath(url.searchParams.get("next"))) : next(null);
}

async function pageAccess(req: AccessRequest, url: URL, cookie: string | null, lookups: AccessLookups): Promise<AccessDecision> {
  if (isMutation(req.method) && isCrossSite(req.headers, url)) return crossSite();
  const actor = cookie ? await lookups.session(cookie) : null;
  if (actor) return next(actor);
  if (!(await lookups.hasOperator())) return redirect("/setup");
  return redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/**
 * Decides, before any route runs, whether a request may go on, and as whom. Public
 * routes are let through without a database lookup: a provider's webhook never waits on
 * session checks, and health can report a database outage itself.
 */
export async function decideAccess(req: AccessRequest, lookups: AccessLookups): Promise<AccessDecision> {
  const url = new URL(req.url);
  const area = classify(req.method, url.pathname);
  const cookie = readCookie(req.headers, SESSION_COOKIE);
  switch (area) {
    case "public":
      return next(null);
    case "auth-api":
      // Handlers read the cookie themselves; a forged sign-in or sign-out from another
      // site (login CSRF) is still refused here.
      return isMutation(req.method) && isCrossSite(req.headers, url) ? crossSite() : next(null);
    case "api":
      return apiAccess(req, url, cookie, lookups);
    case "auth-page":
      return authPageAccess(url, cookie, lookups);
    case "page":
      return pageAccess(req, url, cookie, lookups);
  }
}
