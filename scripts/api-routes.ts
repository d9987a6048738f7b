// Writes lib/http/api-routes.ts, the table of API routes and their methods that proxy.ts
// uses to answer unknown paths (404) and unsupported methods (405) in the JSON error
// shape. Run it after adding or removing a route or a method: `npm run api:routes`.
// `--check` exits non-zero instead of writing when the table is out of date.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { HTTP_METHODS } from "../lib/http/route-match";
import { syncGeneratedFile } from "./lib/generated-file";

const root = path.resolve(import.meta.dirname, "..");
const apiDir = path.join(root, "app", "api");
const tableFile = path.join(root, "lib", "http", "api-routes.ts");

/** The HTTP methods a route file exports, read from its source without running it. */
function exportedMethods(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const names = new Set<string>();
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) names.add(statement.name.text);
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const e of statement.exportClause.elements) names.add(e.name.text);
    }
  }
  return HTTP_METHODS.filter((m) => names.has(m));
}

function routeFiles(): string[] {
  return (readdirSync(apiDir, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => path.basename(f) === "route.ts").sort();
}

function render(): string {
  const rows = routeFiles()
    .map((f) => ({
      // Route groups like (dashboard) are not part of the URL.
      urlPath: ["/api", ...path.dirname(f).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s))].join("/"),
      methods: exportedMethods(path.join(apiDir, f)),
    }))
    .sort((a, b) => a.urlPath.localeCompare(b.urlPath))
    .map(({ urlPath, methods }) => `  { path: ${JSON.stringify(urlPath)}, methods: [${methods.map((m) => JSON.stringify(m)).join(", ")}] },`);
  return `// Generated from app/api by \`npm run api:routes\`. Do not edit.
import type { ApiRoute } from "./route-match";

export const API_ROUTES: readonly ApiRoute[] = [
${rows.join("\n")}
];
`;
}

if (!syncGeneratedFile(tableFile, render(), { check: process.argv.includes("--check"), command: "npm run api:routes" })) process.exitCode = 1;
