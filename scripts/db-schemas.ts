// Derives one Prisma schema per provider from prisma/models.prisma.
// `--check` exits non-zero instead of writing when a derived file is out of date.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { renderProviderSchema, PROVIDERS, providerSchemaPath } from "../lib/db/schema-derivation";

const root = path.resolve(import.meta.dirname, "..");
const models = readFileSync(path.join(root, "prisma/models.prisma"), "utf8");
const check = process.argv.includes("--check");
let stale = 0;
for (const provider of PROVIDERS) {
  const file = path.join(root, providerSchemaPath(provider));
  const wanted = renderProviderSchema(provider, models);
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {
    current = "";
  }
  if (current === wanted) continue;
  if (check) {
    console.error(`${file} is out of date: run npm run db:schemas`);
    stale++;
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, wanted);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale ? 1 : 0);
