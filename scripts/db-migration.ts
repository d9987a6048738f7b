// Writes a new migration for both providers: the SQL from the schema the last migration
// left (its snapshot) to the current derived schema. Each migration folder keeps a
// snapshot of the schema it produces, so no database is needed.
// Usage: npm run db:migration -- <snake_case_name>
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROVIDERS, migrationsPath, providerSchemaPath } from "../lib/db/schema-derivation";
import { diffToCurrent } from "./lib/prisma-cli";

export const SNAPSHOT_FILE = "schema.snapshot.prisma";

function latestSnapshot(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const last = readdirSync(dir).sort().at(-1);
  return last ? path.join(dir, last, SNAPSHOT_FILE) : null;
}

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const provider of PROVIDERS) {
  const dir = migrationsPath(provider);
  const sql = diffToCurrent(provider, latestSnapshot(dir));
  if (!sql) {
    console.log(`${provider}: no changes`);
    continue;
  }
  const target = path.join(dir, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), sql);
  copyFileSync(providerSchemaPath(provider), path.join(target, SNAPSHOT_FILE));
  console.log(`${provider}: wrote ${target}`);
}
