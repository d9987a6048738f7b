import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const COMPONENTS = path.join(ROOT, "components");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : []));
}

/** The components/ folder a file is in (`api`, `ui`, …), or null outside components/. */
function folderOf(file: string): string | null {
  const rel = path.relative(COMPONENTS, file);
  return rel.startsWith("..") || !rel.includes(path.sep) ? null : rel.split(path.sep)[0];
}

function importedFiles(file: string): string[] {
  const out: string[] = [];
  for (const [, spec] of readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)) {
    if (!spec.startsWith(".") && !spec.startsWith("@/")) continue;
    const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(file), spec);
    const target = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find(existsSync);
    if (target) out.push(target);
  }
  return out;
}

/** A path of folders that leads from `from` back to itself, or null. */
function cycleFrom(from: string, edges: Map<string, Set<string>>): string[] | null {
  const stack: string[][] = [[from]];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const trail = stack.pop()!;
    for (const next of edges.get(trail.at(-1)!) ?? []) {
      if (next === from) return [...trail, from];
      if (!seen.has(next)) {
        seen.add(next);
        stack.push([...trail, next]);
      }
    }
  }
  return null;
}

describe("components/ folders", () => {
  it("import one another without a cycle: hooks and shared pieces sit below the features that use them", () => {
    const edges = new Map<string, Set<string>>();
    for (const file of filesUnder(COMPONENTS)) {
      const from = folderOf(file);
      if (!from) continue;
      for (const target of importedFiles(file)) {
        const to = folderOf(target);
        if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    expect(edges.get("api") ?? new Set(), "components/api imports no other component folder").toEqual(new Set());
    const cycles = [...edges.keys()].map((f) => cycleFrom(f, edges)).filter((c) => c !== null);
    expect(cycles.map((c) => c.join(" → "))).toEqual([]);
  });
});
