import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { connect, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { bootstrap } from "@/lib/db/bootstrap";
import type { Provider } from "@/lib/db/schema-derivation";
import { createScratchDb, type ScratchDb } from "@/scripts/lib/scratch-db";

/**
 * The providers integration tests run against: SQLite always; PostgreSQL when
 * TEST_POSTGRES_URL is set (CI sets it; a run without it says so at its start and end).
 * A set but unreachable URL fails the run.
 */
export function testProviders(): Provider[] {
  return process.env.TEST_POSTGRES_URL ? ["sqlite", "postgresql"] : ["sqlite"];
}

export async function assertPostgresReachable(): Promise<void> {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) return;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
  } catch (err) {
    throw new Error(`TEST_POSTGRES_URL is set but PostgreSQL is unreachable: ${(err as Error).message}`);
  } finally {
    await c.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  db: Db;
  scratch: ScratchDb;
}

/** A fresh migrated and bootstrapped database for one provider, dropped after the file's tests. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === "postgresql") await assertPostgresReachable();
  const scratch = await createScratchDb(provider);
  await migrate(scratch.url);
  const db = await connect(scratch.url, { poolSize: 20 });
  await bootstrap(db);
  return { db, scratch };
}

/** Registers hooks that give the file a database for the provider; read `.db` inside tests. */
export function useTestDatabase(provider: Provider): { readonly db: Db; readonly url: string } {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(provider);
  });
  afterAll(async () => {
    if (!current) return;
    await current.db.close();
    await current.scratch.drop();
  });
  return {
    get db() {
      if (!current) throw new Error("test database not ready");
      return current.db;
    },
    get url() {
      if (!current) throw new Error("test database not ready");
      return current.scratch.url;
    },
  };
}
