import { ZodError } from "zod";
import { databaseUnavailable, isDatabaseUnavailable, isInvalidText } from "../db/errors";
import { logger } from "../log";
import { AppError, invalidRequest } from "./app-error";

// Beside AppError rather than in the route wrapper, so services that answer errors
// themselves (the proxy's guard, the webhook receiver) need nothing from lib/http's glue.

function validationError(err: ZodError): AppError {
  return invalidRequest(err.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
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
