import type { ZodType, z } from "zod";
import { AppError, type ErrorBody } from "../errors/app-error";
import { toAppError } from "../errors/to-app-error";
import { parseJsonText } from "./json";
import { readBodyWithLimit } from "./read-body";

export function json<T>(body: T, init: ResponseInit = {}): Response {
  return Response.json(body, init);
}

/** The one answer to a DELETE: 204, no body; the client already knows what it deleted. */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function errorResponse(err: AppError, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  if (err.retryAfterSeconds !== undefined) h.set("Retry-After", String(Math.max(0, Math.ceil(err.retryAfterSeconds))));
  return Response.json(err.toBody() satisfies ErrorBody, { status: err.status, headers: h });
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Operator API bodies are small; the cap keeps one request from holding megabytes in memory. */
export const DEFAULT_JSON_BODY_BYTES = 1024 * 1024;

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Any body sent to an operator API must be JSON within the size and depth limits, also
 * where the route ignores it: the same input gets the same answer everywhere. Read from a
 * copy, so the handler still reads the original.
 */
async function checkBody(req: Request): Promise<void> {
  if (!BODY_METHODS.has(req.method.toUpperCase()) || !req.body) return;
  const text = await readBodyWithLimit(req.clone(), DEFAULT_JSON_BODY_BYTES);
  if (text.trim() !== "") parseJsonText(text, "The request body");
}

/**
 * Wraps a route handler: the body is checked first, and every failure becomes a typed
 * JSON error, never an HTML page.
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      await checkBody(req);
      return await handler(req, ctx);
    } catch (err) {
      return errorResponse(toAppError(err));
    }
  };
}

/**
 * The one body reader of the operator API: one size limit, one depth limit, the same
 * words for every refusal. `empty` is what an empty body reads as; undefined refuses it.
 */
async function readJsonBody(req: Request, empty?: unknown): Promise<unknown> {
  const text = await readBodyWithLimit(req, DEFAULT_JSON_BODY_BYTES);
  if (text.trim() !== "") return parseJsonText(text, "The request body");
  if (empty === undefined) throw new AppError("invalid_json", "The request body is empty; send a JSON object");
  return empty;
}

export function readJson(req: Request): Promise<unknown> {
  return readJsonBody(req);
}

export async function parseBody<S extends ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  return schema.parse(await readJsonBody(req));
}

/** For one-click actions (replay, reprocess, rotate) whose options may be left out: an empty body reads as `{}`. */
export async function parseOptionalBody<S extends ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  return schema.parse(await readJsonBody(req, {}));
}

export function parseQuery<S extends ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  const obj: Record<string, string> = {};
  for (const [k, v] of params) obj[k] = v;
  return schema.parse(obj);
}
