import type { Db } from "@/lib/db/client";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { createSession } from "@/lib/auth/sessions";
import { hashPassword } from "@/lib/auth/password";

export const SITE = "http://hookrelay.test";
export const PASSWORD = "a long operator password";

/** Removes what the auth tests create so each test starts with no operator. */
export async function clearAuthData(db: Db): Promise<void> {
  await db.prisma.operatorSession.deleteMany();
  await db.prisma.operator.deleteMany();
  await db.prisma.apiToken.deleteMany();
  await db.prisma.auditLog.deleteMany();
}

export async function createOperator(db: Db, email = "alice@example.com", password = PASSWORD): Promise<{ id: string; email: string }> {
  return db.prisma.operator.create({ data: { email, passwordHash: await hashPassword(password) }, select: { id: true, email: true } });
}

/** A signed-in browser's Cookie header for the operator. */
export async function sessionCookieFor(db: Db, operatorId: string): Promise<string> {
  const { token } = await createSession(db, operatorId);
  return `${SESSION_COOKIE}=${token}`;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send Origin for this site, as a browser does on every mutation; on by default. */
  sameOrigin?: boolean;
}

export function apiRequest(path: string, { method = "GET", body, headers = {}, sameOrigin = true }: RequestOptions = {}): Request {
  const h = new Headers(headers);
  h.set("host", new URL(SITE).host);
  if (sameOrigin && method !== "GET") h.set("origin", SITE);
  if (body !== undefined) h.set("content-type", "application/json");
  return new Request(SITE + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** The Set-Cookie value of a response as the Cookie header a browser would send back. */
export function cookieFrom(res: Response): string {
  const setCookie = res.headers.get("set-cookie");
  if (!setCookie) throw new Error("no Set-Cookie in the response");
  return setCookie.split(";")[0];
}

/**
 * What Next.js does with a proxy's `NextResponse.next({ request: { headers } })`: the
 * request reaches the route with exactly the headers the proxy chose.
 */
export function forwarded(original: Request, proxyResponse: Response): Request {
  const names = proxyResponse.headers.get("x-middleware-override-headers");
  if (proxyResponse.headers.get("x-middleware-next") !== "1" || names === null) throw new Error(`the proxy did not pass the request on (status ${proxyResponse.status})`);
  const headers = new Headers();
  for (const name of names.split(",").filter(Boolean)) headers.set(name, proxyResponse.headers.get(`x-middleware-request-${name}`) ?? "");
  return new Request(original, { headers });
}
