import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_SAFE_LIB } from "@/eslint.config.mjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
/** Packages that run the same in a browser as on the server. */
const BROWSER_PACKAGES = new Set(["zod"]);
/** Folders the design keeps pure (no I/O): their internals may sit behind a listed entry point. */
const PURE_FOLDERS = ["lib/retry/", "lib/simulator/"];

function moduleFile(spec: string, from: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  const stem = base.replace(/\.(ts|js)$/, "");
  return [`${stem}.ts`, `${stem}.tsx`, path.join(stem, "index.ts")].find(existsSync) ?? null;
}

/** The modules a file imports values from (type-only imports are erased and cross freely). */
function valueImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specs: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+["']([^"']+)["']|^import\s+["']([^"']+)["']/gm)) {
    const [, typeOnly, clause = "", spec, bare] = m;
    if (typeOnly || /^\{\s*(?:type\s+[\w$]+(?:\s+as\s+[\w$]+)?\s*,?\s*)+\}$/.test(clause.trim())) continue;
    specs.push(spec ?? bare);
  }
  return specs;
}

describe("the lib modules client code may import (CLIENT_SAFE_LIB)", () => {
  it("import values only from one another and from browser-safe packages", () => {
    const allowed = new Set(CLIENT_SAFE_LIB.map((m) => moduleFile(`@/lib/${m}`, ROOT)));
    const clientSafe = (file: string) => allowed.has(file) || PURE_FOLDERS.some((folder) => path.relative(ROOT, file).startsWith(folder));
    const problems: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of valueImports(file)) {
        const isLocal = spec.startsWith(".") || spec.startsWith("@/");
        if (!isLocal) {
          if (!BROWSER_PACKAGES.has(spec)) problems.push(`${path.relative(ROOT, file)} imports ${spec}`);
          continue;
        }
        const target = moduleFile(spec, file);
        if (!target) problems.push(`${path.relative(ROOT, file)}: cannot resolve ${spec}`);
        else if (!clientSafe(target)) problems.push(`${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}, which is not client-safe`);
        else visit(target);
      }
    };
    for (const file of allowed) {
      expect(file, "every listed module exists").not.toBeNull();
      visit(file!);
    }
    expect(problems).toEqual([]);
  });
});
