import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { connect } from "@/lib/db/client";
import { MigrationChecksumError, migrate } from "@/lib/db/migrate";
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
