import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, migrationsDir } from "@/lib/db/migrate";
import { PROVIDERS, type Provider } from "@/lib/db/schema-derivation";
import { sqliteFilePath } from "@/lib/db/provider";
import { describeDatabase } from "@/scripts/lib/catalog";
import { diffToCurrent } from "@/scripts/lib/prisma-cli";
import { createScratchDb } from "@/scripts/lib/scratch-db";
import { assertPostgresReachable, testProviders } from "../support/databases";

async function applyRawSql(provider: Provider, url: string, sql: string): Promise<void> {
  if (provider === "sqlite") {
    const db = new Database(sqliteFilePath(url));
    db.exec(sql);
    db.close();
    return;
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(sql);
  await c.end();
}

describe("one model, two providers", () => {
  it("the derived provider schemas are up to date with prisma/models.prisma", () => {
    // Exits non-zero (and so throws) when a derived schema differs from what the script would write.
    expect(() => execFileSync(process.execPath, ["--import", "tsx", "scripts/db-schemas.ts", "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("both providers have the same migrations, in the same order", () => {
    const names = PROVIDERS.map((p) => readdirSync(migrationsDir(p)).sort());
    expect(names[0].length).toBeGreaterThan(0);
    expect(names[1]).toEqual(names[0]);
  });

  it.each(PROVIDERS)("%s: the last migration's snapshot is the current schema (no model change lacks a migration)", (provider) => {
    const last = readdirSync(migrationsDir(provider)).sort().at(-1)!;
    expect(diffToCurrent(provider, path.join(migrationsDir(provider), last, "schema.snapshot.prisma"))).toBe("");
  });

  it.each(testProviders())("%s: the migrations build exactly the schema Prisma would create from the models", async (provider) => {
    if (provider === "postgresql") await assertPostgresReachable();
    const migrated = await createScratchDb(provider);
    const fresh = await createScratchDb(provider);
    try {
      await migrate(migrated.url);
      await applyRawSql(provider, fresh.url, diffToCurrent(provider, null));
      const [a, b] = [await describeDatabase(migrated.url), await describeDatabase(fresh.url)];
      expect(JSON.stringify(a).length).toBeGreaterThan(1000);
      expect(a).toEqual(b);
    } finally {
      await migrated.drop();
      await fresh.drop();
    }
  });
});
