import { AppError } from "../errors/app-error";

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

/** The error and its causes, outermost first (Prisma and the adapters nest them a few levels deep). */
function* causeChain(err: unknown): Generator<object> {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && typeof e === "object" && e !== null; depth++) {
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

const field = (e: object, name: string): unknown => (e as Record<string, unknown>)[name];

/**
 * node-postgres reports a connection that dropped, a server that stayed silent past the
 * deadline, or a pool that had no connection in time with a bare Error that has no code,
 * only these fixed messages; errors from the server itself always carry a `severity`.
 */
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
  /is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

/** Driver adapter error kinds (and the Prisma codes they become) that mean the connection itself failed. */
const LOST_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const LOST_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);

/** True when the connection to the database failed or went silent: nothing about the data or the request. */
export function isConnectionLost(err: unknown): boolean {
  for (const e of causeChain(err)) {
    const code = prismaErrorCode(e);
    if (code && LOST_CODES.has(code)) return true;
    if (LOST_KINDS.has(String(field(e, "kind")))) return true;
    if (e instanceof Error && !("severity" in e) && PG_CONNECTION_MESSAGES.some((re) => re.test(e.message))) return true;
  }
  return false;
}

/** Errors that can only come out of the database layer: Prisma's, the driver adapters', node-postgres' and SQLite's. */
const DATABASE_ERROR_NAMES = new Set([
  "PrismaClientKnownRequestError",
  "PrismaClientUnknownRequestError",
  "PrismaClientInitializationError",
  "PrismaClientRustPanicError",
  "DriverAdapterError",
  "UserFacingError",
  "SqliteError",
  "DatabaseError",
]);

/** Prisma's codes for a value, a constraint or a missing record: P2010 (a raw query failed) is judged by its cause. */
const DATA_ERROR_CODES = new Set(["P2000", "P2001", "P2002", "P2003", "P2004", "P2005", "P2006", "P2007", "P2011", "P2012", "P2014", "P2015", "P2017", "P2018", "P2019", "P2020", "P2023", "P2025"]);

/**
 * The failures that say something about the request or the data rather than about the
 * database being able to serve it: the same request would fail the same way again.
 * Prisma's value and constraint codes, SQLSTATE classes 22 (data exception), 23
 * (integrity constraint) and P0 (raised by a PL/pgSQL function, such as a trigger that
 * refuses a row), SQLite's constraint errors (RAISE(ABORT) in a trigger among them).
 */
function isDataError(e: object): boolean {
  const code = prismaErrorCode(e);
  if (code && DATA_ERROR_CODES.has(code)) return true;
  // A SQLSTATE travels as the driver error's `originalCode`, or as the code Prisma passes on.
  const sqlState = [field(e, "originalCode"), field(e, "code")].find((c) => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c));
  if (typeof sqlState === "string" && /^(22|23|P0)/.test(sqlState)) return true;
  return typeof code === "string" && code.startsWith("SQLITE_CONSTRAINT");
}

/**
 * True when the database could not serve the call (unreachable, silent past a deadline,
 * busy, shutting down, a transaction that could not start or was closed under it): the
 * caller should answer 503 and the client retry later. Errors about the data itself
 * (a constraint, a value) are not: retrying would not help.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (isConnectionLost(err)) return true;
  const chain = [...causeChain(err)];
  const fromDatabase = chain.some((e) => DATABASE_ERROR_NAMES.has(String(field(e, "name"))) || DATABASE_ERROR_NAMES.has(e.constructor?.name));
  return fromDatabase && !chain.some(isDataError);
}

export function databaseUnavailable(cause: unknown): AppError {
  return new AppError("database_unavailable", "The database is unreachable; retry later", { retryAfterSeconds: 5, cause });
}

/** PostgreSQL refused the text itself (U+0000, or bytes that are not UTF-8): bad input, not a server fault. */
export function isInvalidText(err: unknown): boolean {
  for (const e of causeChain(err)) {
    const code = field(e, "originalCode") ?? field(e, "code");
    if (code === "22021" || code === "22P05") return true;
  }
  return false;
}
