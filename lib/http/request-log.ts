import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { logger } from "../log";

export const REQUEST_ID_HEADER = "x-request-id";
/**
 * How proxy.ts hands the id to route handlers. Note that Next also copies the X-Request-Id
 * the proxy sets on its response onto the request the handler sees, so a handler cannot
 * tell a client's X-Request-Id from the proxy's: never treat it as the client's.
 */
export const FORWARDED_REQUEST_ID_HEADER = "x-hookrelay-request-id";

// A caller's id is kept so one request can be followed through a load balancer's logs
// and ours, but only when it is short and plain: it is written into every log line.
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}

/**
 * A logger whose every line carries the request's id (set by proxy.ts, echoed to the
 * client in X-Request-Id), its method and path: `requestLogger(req).info({ deliveryId }, "replayed")`.
 */
export function requestLogger(req: Request, bindings: Record<string, unknown> = {}): Logger {
  const { pathname } = new URL(req.url);
  const requestId = req.headers.get(FORWARDED_REQUEST_ID_HEADER) ?? requestIdOf(req.headers);
  return logger.child({ requestId, method: req.method, path: pathname, ...bindings });
}
