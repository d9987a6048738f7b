import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { config } from "../config";
import { migrationsPath } from "./schema-derivation";
import { providerFor, sqliteFilePath } from "./provider";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

const TABLE = "_hookrelay_migrations";
// Any constant works: it only has to be the same for every Hookrelay process.
const PG_LOCK_KEY = 7_431_902_113;
// A schema change on a big table, or the wait for another instance's migration, may be
// long; a server that stopped answering must still not hold the start-up forever.
const PG_MIGRATION_STATEMENT_MS = 10 * 60_000;

export function migrationsDir(provider: "sqlite" | "postgresql", root = process.cwd()): string {
  // Read at run time from the project folder; the build must not try to trace it.
  return path.join(/*turbopackIgnore: true*/ root, migrationsPath(provider));
}

export function loadMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationChecksumError extends Error {
  constructor(name: string) {
    super(`migration ${name} was changed after it was applied; add a new migration instead`);
    this.name = "MigrationChecksumError";
  }
}

function pending(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const m of all) {
    const sum = applied.get(m.name);
    if (sum !== undefined && sum !== m.checksum) throw new MigrationChecksumError(m.name);
  }
  return all.filter((m) => !applied.has(m.name));
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    // A migration that redefines a table (Prisma copies it to a new one and drops the old)
    // turns foreign keys off first, but inside a transaction that PRAGMA does nothing: the
    // DROP would delete, or cascade to, every row referring to the old table. So they are
    // off for the whole run, as SQLite's own steps for altering a table say, and checked
    // before the commit instead.
    db.pragma("foreign_keys = OFF");
    // IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
    const run = db.transaction(() => {
      const rows = db.prepare(`SELECT name, checksum FROM "${TABLE}"`).all() as { name: string; checksum: string }[];
      const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
      for (const m of todo) {
        db.exec(m.sql);
        db.prepare(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`).run(m.name, m.checksum, new Date().toISOString());
      }
      const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
      if (broken.length > 0) {
        const where = [...new Set(broken.map((b) => `${b.table} → ${b.parent}`))].join(", ");
        throw new Error(`the migrations would leave ${broken.length} rows referring to rows that do not exist (${where}); nothing was applied`);
      }
      return { applied: todo.map((m) => m.name), alreadyApplied: rows.length };
    });
    return run.immediate();
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: config().HOOKRELAY_DB_CONNECT_TIMEOUT_MS,
    query_timeout: PG_MIGRATION_STATEMENT_MS,
    keepAlive: true,
  });
  // A connection that dies between two statements fails the next one; unheard, the error would end the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    // Several web instances and workers may start at once: one migrates, the others wait.
    await client.query("SELECT pg_advisory_lock($1)", [PG_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${TABLE}"`);
    const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${TABLE}" (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    }
    return { applied: todo.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Applies the committed migrations for the URL's provider that the database has not seen yet. */
export async function migrate(url: string, root = process.cwd()): Promise<MigrateResult> {
  const provider = providerFor(url);
  const migrations = loadMigrations(migrationsDir(provider, root));
  return provider === "postgresql" ? migratePostgres(url, migrations) : migrateSqlite(url, migrations);
}
