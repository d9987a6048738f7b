import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Provider } from "../../lib/db/schema-derivation";
import { providerSchemaPath } from "../../lib/db/schema-derivation";

const root = path.resolve(import.meta.dirname, "../..");
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");

function prisma(provider: Provider, args: string[]): string {
  return execFileSync(process.execPath, [prismaBin, ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PRISMA_PROVIDER: provider, DATABASE_URL: "", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

/**
 * The SQL that takes a database shaped like `fromSchema` (a Prisma schema file, or
 * nothing: an empty database) to the provider's current schema; "" when there is none.
 * Schema to schema, so no database is needed.
 */
export function diffToCurrent(provider: Provider, fromSchema: string | null): string {
  const from = fromSchema ? ["--from-schema-datamodel", fromSchema] : ["--from-empty"];
  const out = prisma(provider, ["migrate", "diff", ...from, "--to-schema-datamodel", providerSchemaPath(provider), "--script"]);
  const sql = out.replace(/^Loaded Prisma config.*\n/m, "").trim();
  return /^-- This is an empty migration\.?$/.test(sql) || sql === "" ? "" : sql + "\n";
}
