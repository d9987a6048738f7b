import { NextResponse } from "next/server";
import { API_ROUTES } from "../http/api-routes";
import { toAppError } from "../errors/to-app-error";
import { errorResponse } from "../http/handler";
import { refuseUnroutable } from "../http/route-match";
import { FORWARDED_REQUEST_ID_HEADER, REQUEST_ID_HEADER, requestIdOf } from "../http/request-log";
import { decideAccess, type AccessDecision, type AccessLookups } from "./access";
import { ACTOR_HEADER, encodeActor } from "./actor";

function respond(decision: AccessDecision, req: Request, requestId: string): Response {
  switch (decision.action) {
    case "deny":
      return errorResponse(decision.error, decision.error.status === 401 ? { "WWW-Authenticate": 'Bearer realm="hookrelay"' } : {});
    case "redirect":
      return NextResponse.redirect(new URL(decision.location, req.url));
    case "next": {
      const headers = new Headers(req.headers);
      // Only the proxy speaks for who is asking: a client's own claim is dropped.
      headers.delete(ACTOR_HEADER);
      if (decision.actor) headers.set(ACTOR_HEADER, encodeActor(decision.actor));
      headers.set(FORWARDED_REQUEST_ID_HEADER, requestId);
      return NextResponse.next({ request: { headers } });
    }
  }
}

async function answer(req: Request, lookups: AccessLookups, requestId: string): Promise<Response> {
  const refusal = refuseUnroutable(req.method, new URL(req.url).pathname, API_ROUTES);
  if (refusal) return errorResponse(refusal.error, refusal.headers);
  try {
    return respond(await decideAccess(req, lookups), req, requestId);
  } catch (err) {
    // The database is away: 503 with Retry-After rather than a page that hangs.
    return errorResponse(toAppError(err));
  }
}

/**
 * proxy.ts's whole job: refuse what no route can serve, decide who is asking, then
 * answer, redirect or pass the request on with its actor and request id.
 */
export async function guard(req: Request, lookups: AccessLookups): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  const res = await answer(req, lookups, requestId);
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}
