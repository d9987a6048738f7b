import { ZodError, type ZodType, type z } from "zod";
import { AppError, type ErrorBody } from "./errors";
import { databaseUnavailable, isDatabaseUnavailable, isInvalidText } from "../db/errors";
import { logger } from "../log";
import { readBodyWithLimit } from "./read-body";

export function json<T>(body: T, init: ResponseInit = {}): Response {
  return Response.json(body, init);
}

export function errorResponse(err: AppError, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  if (err.retryAfterSeconds !== undefined) h.set("Retry-After", String(Math.max(0, Math.ceil(err.retryAfterSeconds))));
  return Response.json(err.toBody() satisfies ErrorBody, { status: err.status, headers: h });
}

export function validationError(err: ZodError): AppError {
  return new AppError("validation_failed", "The request is not valid", {
    details: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
}

/** Maps anything thrown by a handler to the one JSON error shape; unknown errors are logged and become 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(err);
  if (isInvalidText(err)) return new AppError("bad_request", "Text in the request cannot contain the NUL character (U+0000)");
  if (isDatabaseUnavailable(err)) return databaseUnavailable(err);
  logger.error({ err }, "unhandled error in route handler");
  return new AppError("internal", "Something went wrong on our side");
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler so every failure becomes a typed JSON error and never an HTML page. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (err) {
      return errorResponse(toAppError(err));
    }
  };
}

/** Operator API bodies are small; the cap keeps one request from holding megabytes in memory. */
export const DEFAULT_JSON_BODY_BYTES = 1024 * 1024;

export async function readJson(req: Request, maxBytes = DEFAULT_JSON_BODY_BYTES): Promise<unknown> {
  const text = await readBodyWithLimit(req, maxBytes);
  if (text.trim() === "") throw new AppError("invalid_json", "The request body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON");
  }
}

export async function parseBody<S extends ZodType>(req: Request, schema: S, maxBytes?: number): Promise<z.output<S>> {
  return schema.parse(await readJson(req, maxBytes));
}

export function parseQuery<S extends ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  const obj: Record<string, string> = {};
  for (const [k, v] of params) obj[k] = v;
  return schema.parse(obj);
}
