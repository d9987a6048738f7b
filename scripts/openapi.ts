// Writes examples/api-types.ts, the TypeScript types openapi-typescript generates from the
// OpenAPI document (lib/contract), which the example client compiles against: a change of
// the API that the example does not follow fails `npm run typecheck`. Run it after changing
// a schema or an operation: `npm run api:doc`.
// `--check` exits non-zero instead of writing when the types are out of date.
// `--out <file>` also writes the document itself there (for the linter).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "../lib/contract/openapi";
import { syncGeneratedFile } from "./lib/generated-file";

const root = path.resolve(import.meta.dirname, "..");
const typesFile = path.join(root, "examples", "api-types.ts");

const HEADER = "// Generated from the OpenAPI document (lib/contract) by `npm run api:doc`. Do not edit.\n";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const doc = openApiDocument();
  const outAt = args.indexOf("--out");
  if (outAt >= 0) {
    const out = path.resolve(args[outAt + 1]);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(doc, null, 2));
  }
  // openapi-typescript's own types for the document are stricter than a plain object.
  // defaultNonNullable off: a request field with a default is one the client may leave out.
  const types = HEADER + astToString(await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { defaultNonNullable: false }));
  if (!syncGeneratedFile(typesFile, types, { check: args.includes("--check"), command: "npm run api:doc" })) process.exitCode = 1;
}

await main();
