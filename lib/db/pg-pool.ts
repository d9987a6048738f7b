import pg from "pg";
import { logger } from "../log";

/** How long any one database call may take; see README "Settings". */
export interface DatabaseDeadlines {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One statement. The server cancels it then (statement_timeout); a server that says nothing is given up on a moment later. */
  statementMs: number;
}

/** A transaction may run this long in all: its statements plus the code between them. */
export function transactionMs(deadlines: DatabaseDeadlines): number {
  return 2 * deadlines.statementMs;
}

// The server's own cancellation (a clean error, the connection stays usable) should win
// whenever the server can still answer; the client-side deadline is for a silent one.
const SILENT_SERVER_GRACE_MS = 1_000;
// Probes start after this much silence on an idle connection, so a peer that vanished
// (a host gone, a NAT entry dropped) is noticed without waiting for the next query.
const KEEPALIVE_DELAY_MS = 10_000;

export interface PoolOptions {
  max: number;
  deadlines: DatabaseDeadlines;
  /** Server settings for each of the pool's sessions, beyond the deadlines. */
  settings?: Record<string, string>;
}

/**
 * The connection string and `options` for sessions with `settings`: node-postgres lets the
 * URL's own `options` replace an explicit value, so the two are merged and the URL's taken out.
 */
function withSettings(url: string, settings: Record<string, string> | undefined): { connectionString: string; options?: string } {
  if (!settings) return { connectionString: url };
  const u = new URL(url);
  const options = [u.searchParams.get("options"), ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].filter(Boolean).join(" ");
  u.searchParams.delete("options");
  return { connectionString: u.toString(), options };
}

/**
 * The PostgreSQL connection pool, shared by Prisma and any code that queries the driver
 * directly, so both inherit the same deadlines:
 * - connecting, and waiting for a free connection, end after `connectMs`;
 * - a statement is cancelled by the server after `statementMs`, and abandoned by us a
 *   second later when the server does not answer at all;
 * - the server ends a session left idle inside a transaction (its client vanished while
 *   holding row locks) after the transaction deadline;
 * - TCP keepalive notices a peer that went away without a word.
 * A connection handed back while still inside a transaction (its last statement timed
 * out, or its COMMIT/ROLLBACK failed) is closed instead of reused: its state is unknown.
 */
export function createPgPool(url: string, options: PoolOptions): pg.Pool {
  const { connectMs, statementMs } = options.deadlines;
  const pool = new pg.Pool({
    ...withSettings(url, options.settings),
    max: options.max,
    connectionTimeoutMillis: connectMs,
    statement_timeout: statementMs,
    query_timeout: statementMs + SILENT_SERVER_GRACE_MS,
    idle_in_transaction_session_timeout: transactionMs(options.deadlines),
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
  });
  // An idle connection that fails has already been dropped by the pool; without a
  // listener the error would end the process.
  pool.on("error", (err) => logger.warn({ err: err.message }, "an idle database connection failed and was dropped"));
  pool.on("release", (err, client) => {
    // Ending it here, before the pool looks, makes the pool discard it (pg-pool checks
    // `_ending` right after this event); a released error already does.
    if (!err && client.getTransactionStatus() !== "I") client.end().catch(() => undefined);
  });
  return pool;
}
