import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { connect } from "@/lib/db/client";
import { MigrationChecksumError, migrate } from "@/lib/db/migrate";
import { sqliteFilePath } from "@/lib/db/provider";
import { migrationsPath } from "@/lib/db/schema-derivation";
import { createScratchDb } from "@/scripts/lib/scratch-db";
import { assertPostgresReachable, testProviders } from "../support/databases";

describe.each(testProviders())("migrations on %s", (provider) => {
  it("creates every table on an empty database, then has nothing left to do", async () => {
    if (provider === "postgresql") await assertPostgresReachable();
    const scratch = await createScratchDb(provider);
    try {
      const first = await migrate(scratch.url);
      expect(first.applied.length).toBeGreaterThan(0);
      const again = await migrate(scratch.url);
      expect(again).toEqual({ applied: [], alreadyApplied: first.applied.length });
      const db = await connect(scratch.url);
      try {
        expect(await db.prisma.delivery.count()).toBe(0);
        expect(await db.prisma.deadLetter.count()).toBe(0);
      } finally {
        await db.close();
      }
    } finally {
      await scratch.drop();
    }
  });

  it("several processes starting at once apply each migration once", async () => {
    if (provider === "postgresql") await assertPostgresReachable();
    const scratch = await createScratchDb(provider);
    try {
      const results = await Promise.all([migrate(scratch.url), migrate(scratch.url), migrate(scratch.url)]);
      const appliedCounts = results.map((r) => r.applied.length).sort();
      expect(appliedCounts.slice(0, 2)).toEqual([0, 0]);
      expect(appliedCounts[2]).toBeGreaterThan(0);
    } finally {
      await scratch.drop();
    }
  });

  it("refuses to run when an applied migration was edited", async () => {
    if (provider === "postgresql") await assertPostgresReachable();
    const scratch = await createScratchDb(provider);
    const root = mkdtempSync(path.join(os.tmpdir(), "hookrelay-mig-"));
    try {
      const dir = path.join(root, migrationsPath(provider));
      mkdirSync(path.dirname(dir), { recursive: true });
      cpSync(path.resolve(migrationsPath(provider)), dir, { recursive: true });
      await migrate(scratch.url, root);
      const [first] = (await import("node:fs")).readdirSync(dir).sort();
      writeFileSync(path.join(dir, first, "migration.sql"), "-- edited\nSELECT 1;\n");
      await expect(migrate(scratch.url, root)).rejects.toBeInstanceOf(MigrationChecksumError);
    } finally {
      rmSync(root, { recursive: true, force: true });
      await scratch.drop();
    }
  });
});

describe("migrations on sqlite that redefine a table", () => {
  // Prisma's SQLite migration for a changed column: copy, drop, rename, between PRAGMAs.
  const redefine = `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL DEFAULT '');
INSERT INTO "new_Parent" ("id") SELECT "id" FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`;

  async function migrateWith(steps: string[]): Promise<{ url: string; children: () => unknown[]; done: () => Promise<void>; run: () => Promise<unknown> }> {
    const scratch = await createScratchDb("sqlite");
    const root = mkdtempSync(path.join(os.tmpdir(), "hookrelay-mig-"));
    const dir = path.join(root, migrationsPath("sqlite"));
    steps.forEach((sql, i) => {
      mkdirSync(path.join(dir, `2026010100000${i}_step`), { recursive: true });
      writeFileSync(path.join(dir, `2026010100000${i}_step`, "migration.sql"), sql);
    });
    return {
      url: scratch.url,
      run: () => migrate(scratch.url, root),
      children: () => {
        const db = new Database(sqliteFilePath(scratch.url), { readonly: true });
        try {
          return db.prepare(`SELECT "id", "parentId" FROM "Child" ORDER BY "id"`).all();
        } finally {
          db.close();
        }
      },
      done: async () => {
        rmSync(root, { recursive: true, force: true });
        await scratch.drop();
      },
    };
  }

  const tables = `CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY);
CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL REFERENCES "Parent" ("id") ON DELETE CASCADE);
INSERT INTO "Parent" VALUES ('p1');
INSERT INTO "Child" VALUES ('c1', 'p1'), ('c2', 'p1');`;

  it("keeps the rows that refer to it", async () => {
    const m = await migrateWith([tables, redefine]);
    try {
      await m.run();
      expect(m.children()).toEqual([
        { id: "c1", parentId: "p1" },
        { id: "c2", parentId: "p1" },
      ]);
    } finally {
      await m.done();
    }
  });

  it("refuses, and applies nothing, when the copy would leave rows referring to nothing", async () => {
    const m = await migrateWith([tables, redefine.replace(`SELECT "id" FROM "Parent"`, `SELECT "id" FROM "Parent" WHERE 0`)]);
    try {
      await expect(m.run()).rejects.toThrow(/2 rows referring to rows that do not exist \(Child → Parent\)/);
      expect(() => m.children()).toThrow(/no such table/);
    } finally {
      await m.done();
    }
  });
});
