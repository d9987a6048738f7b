import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client.ts";
import type { Provider } from "./schema-derivation";
import { serializeSqliteAdapter } from "./serialized-sqlite";
import { databaseUrlFromEnv, providerFor, sqliteFilePath } from "./provider";

/**
 * Both generated clients come from the same models (a test pins that), so their
 * model APIs are the same; the SQLite one's type stands for both.
 */
export type PrismaClient = SqliteClient;

export interface Db {
  provider: Provider;
  url: string;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Connections in the PostgreSQL pool; SQLite always uses one connection. */
  poolSize?: number;
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<Db> {
  const provider = providerFor(url);
  if (provider === "postgresql") {
    const adapter = new PrismaPg({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    const prisma = new PostgresClient({ adapter }) as unknown as PrismaClient;
    return { provider, url, prisma, close: () => prisma.$disconnect() };
  }
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // Epoch milliseconds make the worker's raw claim query compare times as integers.
  const adapter = serializeSqliteAdapter(new PrismaBetterSQLite3({ url: file, timeout: 10_000 }, { timestampFormat: "unixepoch-ms" }));
  const prisma = new SqliteClient({ adapter });
  await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await prisma.$executeRawUnsafe("PRAGMA busy_timeout = 10000");
  return { provider, url, prisma, close: () => prisma.$disconnect() };
}

let shared: Promise<Db> | undefined;

/** The process-wide database for route handlers and the in-server worker. */
export function getDb(): Promise<Db> {
  shared ??= connect(databaseUrlFromEnv());
  return shared;
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
