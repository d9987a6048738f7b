/**
 * Every error a route can answer with has a code from this table; the HTTP status is
 * derived from the code in one place so handlers never pick numbers themselves.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  processing_failed: 500,
  database_unavailable: 503,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Seconds, sent as Retry-After (429, 409 in progress, 503). */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

/** One problem with a request: the field it is about (dotted; empty for the whole body) and what is wrong. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * The one validation answer: the message names the first problem, so a 400 explains itself
 * to a person reading only the message; `details` lists every problem for programs and forms.
 */
export function invalidRequest(issues: Issue[]): AppError {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more: see details)` : "";
  return new AppError("validation_failed", `${issues[0]?.message ?? "The request is not valid"}${more}`, { details: issues });
}
