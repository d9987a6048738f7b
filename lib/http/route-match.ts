import { AppError } from "../errors/app-error";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export interface ApiRoute {
  /** As the folders under app/ spell it: `/api/endpoints/[id]`, `[...rest]` for a catch-all. */
  path: string;
  /** The handlers the route file exports. */
  methods: readonly string[];
}

const segmentsOf = (path: string) => path.split("/").filter(Boolean);

/** How well a route segment matches: a fixed name beats a parameter, which beats a catch-all (Next.js's order). */
function segmentRank(segment: string): number {
  if (segment.startsWith("[...")) return 0;
  return segment.startsWith("[") ? 1 : 2;
}

function matches(route: string[], path: string[]): boolean {
  for (let i = 0; i < route.length; i++) {
    if (route[i].startsWith("[...")) return path.length > i;
    if (i >= path.length) return false;
    if (!route[i].startsWith("[") && route[i] !== path[i]) return false;
  }
  return route.length === path.length;
}

/** Positive when `a` is the more specific route, as Next.js picks between two that both match. */
function bySpecificity(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = segmentRank(a[i]) - segmentRank(b[i]);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** The route Next.js would run for `pathname`, or null when there is none. */
export function findApiRoute(pathname: string, routes: readonly ApiRoute[]): ApiRoute | null {
  const path = segmentsOf(pathname);
  let best: { route: ApiRoute; segments: string[] } | null = null;
  for (const route of routes) {
    const segments = segmentsOf(route.path);
    if (matches(segments, path) && (!best || bySpecificity(segments, best.segments) > 0)) best = { route, segments };
  }
  return best?.route ?? null;
}

/** What a route answers to: its handlers, HEAD wherever there is GET, and OPTIONS, which Next.js provides. */
export function allowedMethods(route: ApiRoute): string[] {
  const allowed = new Set(route.methods);
  if (allowed.has("GET")) allowed.add("HEAD");
  allowed.add("OPTIONS");
  return HTTP_METHODS.filter((m) => allowed.has(m));
}

/** True when every segment of the path is valid percent-encoding (`%ff` alone is not UTF-8). */
export function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export interface RouteRefusal {
  error: AppError;
  headers: Record<string, string>;
}

/**
 * Refuses, before any route runs, what Next.js would otherwise answer with a bare 500,
 * an HTML page or an empty 405: a path that is not valid percent-encoding (400, any
 * path), and under /api a path no route serves (404) or a method its route does not
 * handle (405 with Allow). Null when the request may go on.
 */
export function refuseUnroutable(method: string, pathname: string, routes: readonly ApiRoute[]): RouteRefusal | null {
  if (!isDecodablePath(pathname)) {
    return { error: new AppError("bad_request", "The path is not valid percent-encoding (UTF-8)"), headers: {} };
  }
  if (pathname !== "/api" && !pathname.startsWith("/api/")) return null;
  const route = findApiRoute(pathname, routes);
  if (!route) return { error: new AppError("not_found", `No API route at ${pathname}`), headers: {} };
  const allowed = allowedMethods(route);
  if (allowed.includes(method.toUpperCase())) return null;
  return {
    error: new AppError("method_not_allowed", `${method.toUpperCase()} is not supported here; use ${allowed.join(", ")}`, { details: { allowed } }),
    headers: { Allow: allowed.join(", ") },
  };
}
