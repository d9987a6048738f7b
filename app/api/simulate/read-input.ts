import type { ZodType, z } from "zod";
import { AppError } from "@/lib/http/errors";
import { readJson } from "@/lib/http/handler";

/** Simulator inputs are a few hundred bytes; the cap keeps one request from holding megabytes in memory. */
export const MAX_SIMULATOR_BODY_BYTES = 64 * 1024;

/**
 * Reads and validates a simulator request body. Unlike the shared parseBody it has a
 * tighter size cap, and its message names the first problem ("Deliveries must be ... 200,000"), so a
 * 400 over the limits explains itself without opening the details.
 */
export async function readInput<S extends ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const body = await readJson(req, MAX_SIMULATOR_BODY_BYTES);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more: see details)` : "";
  throw new AppError("validation_failed", `${issues[0].message}${more}`, {
    details: issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  });
}
