// Derives one Prisma schema per provider from prisma/models.prisma.
// `--check` exits non-zero instead of writing when a derived file is out of date.
import { readFileSync } from "node:fs";
import path from "node:path";
import { renderProviderSchema, PROVIDERS, providerSchemaPath } from "../lib/db/schema-derivation";
import { syncGeneratedFile } from "./lib/generated-file";

const root = path.resolve(import.meta.dirname, "..");
const models = readFileSync(path.join(root, "prisma/models.prisma"), "utf8");
const check = process.argv.includes("--check");
const fresh = PROVIDERS.map((provider) => syncGeneratedFile(path.join(root, providerSchemaPath(provider)), renderProviderSchema(provider, models), { check, command: "npm run db:schemas" }));
if (fresh.includes(false)) process.exitCode = 1;
