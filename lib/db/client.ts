import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import type pg from "pg";
import { config } from "../config";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client.ts";
import { createPgPool, transactionMs, type DatabaseDeadlines } from "./pg-pool";
import { releaseOnFailedEnd } from "./pg-transactions";
import type { Provider } from "./schema-derivation";
import { serializeSqliteAdapter } from "./serialized-sqlite";
import { SqliteGate } from "./sqlite-gate";
import { refuseNulText } from "./sqlite-text";
import { providerFor, sqliteFilePath } from "./provider";

/**
 * Both generated clients come from the same models (a test pins that), so their
 * model APIs are the same; the SQLite one's type stands for both.
 */
export type PrismaClient = SqliteClient;

export interface Db {
  provider: Provider;
  url: string;
  prisma: PrismaClient;
  /**
   * PostgreSQL only: the pool Prisma runs on. SQL run on it directly gets the same
   * connect, statement and transaction deadlines and the same handling of dead
   * connections (pg-pool.ts); null on SQLite.
   */
  pgPool: pg.Pool | null;
  /**
   * PostgreSQL only: the worker's claims, on one connection of their own (see
   * `CLAIM_SESSION`); null on SQLite.
   */
  pgClaimPool: pg.Pool | null;
  /**
   * SQLite only: a connection of the project's own for the hot paths (lib/db/hot-path),
   * and the gate that keeps its writes out of Prisma's transactions; null on PostgreSQL.
   */
  sqlite: { connection: Database.Database; gate: SqliteGate } | null;
  deadlines: DatabaseDeadlines;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Connections in the PostgreSQL pool; SQLite always uses one connection. */
  poolSize?: number;
  /** By default from HOOKRELAY_DB_CONNECT_TIMEOUT_MS and HOOKRELAY_DB_STATEMENT_TIMEOUT_MS. */
  deadlines?: DatabaseDeadlines;
}

export function deadlinesFromConfig(): DatabaseDeadlines {
  const c = config();
  return { connectMs: c.HOOKRELAY_DB_CONNECT_TIMEOUT_MS, statementMs: c.HOOKRELAY_DB_STATEMENT_TIMEOUT_MS };
}

/**
 * The claim's session. Its custom plan took 0.3–0.4 ms to plan on every call and never gave
 * way to the generic one, which reads the same two indexes (claim-plan.test). Its commit need
 * not wait for the disk: a claim lost in a database crash is a lease that never happened, so
 * the delivery is claimed and sent again, as after a worker crash; and the attempt's record,
 * committed durably after it, flushes it anyway.
 */
const CLAIM_SESSION = { plan_cache_mode: "force_generic_plan", synchronous_commit: "off" };

export async function connect(url: string, options: ConnectOptions = {}): Promise<Db> {
  const provider = providerFor(url);
  const deadlines = options.deadlines ?? deadlinesFromConfig();
  // An interactive transaction may wait for its connection as long as any caller waits for one.
  const transactionOptions = { maxWait: deadlines.connectMs, timeout: transactionMs(deadlines) };
  if (provider === "postgresql") {
    const pgPool = createPgPool(url, { max: options.poolSize ?? 10, deadlines });
    const pgClaimPool = createPgPool(url, { max: 1, deadlines, settings: CLAIM_SESSION });
    const adapter = releaseOnFailedEnd(new PrismaPg(pgPool));
    const prisma = new PostgresClient({ adapter, transactionOptions }) as unknown as PrismaClient;
    return {
      provider,
      url,
      prisma,
      pgPool,
      pgClaimPool,
      sqlite: null,
      deadlines,
      async close() {
        await prisma.$disconnect();
        await pgPool.end();
        await pgClaimPool.end();
      },
    };
  }
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // `timeout` (busy_timeout) is how long a statement waits for another process's write
  // lock: at most one of that process's transactions, so a transaction deadline.
  // Epoch milliseconds make the worker's raw claim query compare times as integers.
  const busyTimeout = transactionMs(deadlines);
  const gate = new SqliteGate();
  const adapter = serializeSqliteAdapter(refuseNulText(new PrismaBetterSQLite3({ url: file, timeout: busyTimeout }, { timestampFormat: "unixepoch-ms" })), gate);
  const prisma = new SqliteClient({ adapter, transactionOptions });
  await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  // In WAL mode NORMAL loses no committed data on a process crash, only on power loss, and
  // spares an fsync per commit.
  await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  const connection = new Database(file, { timeout: busyTimeout });
  connection.pragma("foreign_keys = ON");
  connection.pragma("synchronous = NORMAL");
  return {
    provider,
    url,
    prisma,
    pgPool: null,
    pgClaimPool: null,
    sqlite: { connection, gate },
    deadlines,
    async close() {
      await prisma.$disconnect();
      connection.close();
    },
  };
}

export type {
  InboundSource,
  InboundEvent,
  RetryPolicy as RetryPolicyRow,
  Endpoint,
  Message,
  Delivery,
  DeliveryAttempt,
  DeadLetter,
  BulkJob,
} from "./generated/sqlite/client.ts";

import type { Prisma } from "./generated/sqlite/client.ts";
/** The client handed to an interactive transaction's callback. */
export type Tx = Prisma.TransactionClient;
