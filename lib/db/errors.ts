import { AppError } from "../http/errors";

/** Prisma's known-request errors carry a stable code; matching on it beats matching message text. */
export function prismaErrorCode(err: unknown): string | undefined {
  if (typeof err === "object" && err !== null && "code" in err && typeof (err as { code: unknown }).code === "string") {
    return (err as { code: string }).code;
  }
  return undefined;
}

export const isUniqueViolation = (err: unknown) => prismaErrorCode(err) === "P2002";
export const isRecordNotFound = (err: unknown) => prismaErrorCode(err) === "P2025";
export const isForeignKeyViolation = (err: unknown) => prismaErrorCode(err) === "P2003";

const CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037", "53300", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P03", "08006", "08001", "08003", "SQLITE_BUSY", "SQLITE_CANTOPEN"]);

/**
 * node-postgres reports a connection that dropped mid-query, or a pool that could not get
 * one in time, with a bare Error that has no code, only these fixed messages; errors
 * from the server itself always carry a `severity`, so they never match.
 */
const PG_CONNECTION_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect$/, /is not queryable$/];

function isPgConnectionError(e: object): boolean {
  return e instanceof Error && !("severity" in e) && prismaErrorCode(e) === undefined && PG_CONNECTION_MESSAGES.some((re) => re.test(e.message));
}

/** True when the database could not be reached or is shutting down: the caller should retry later. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = prismaErrorCode(e);
    if (code && CONNECTION_CODES.has(code)) return true;
    if (typeof e === "object" && e !== null && isPgConnectionError(e)) return true;
    if (typeof e === "object" && e !== null) {
      const name = (e as { name?: unknown }).name;
      if (name === "PrismaClientInitializationError") return true;
      const kind = (e as { kind?: unknown }).kind;
      if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout" || kind === "TooManyConnections") return true;
      const cause = (e as { cause?: unknown }).cause;
      e = cause;
    } else break;
  }
  return false;
}

export function databaseUnavailable(cause: unknown): AppError {
  return new AppError("database_unavailable", "The database is unreachable; retry later", { retryAfterSeconds: 5, cause });
}

/** PostgreSQL refused the text itself (U+0000, or bytes that are not UTF-8): bad input, not a server fault. */
export function isInvalidText(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { originalCode?: unknown }).originalCode ?? (e as { code?: unknown }).code;
    if (code === "22021" || code === "22P05") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
