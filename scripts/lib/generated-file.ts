import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * The generators' one write-or-check step: writes `wanted` to `file` when it differs, or
 * under `--check` only reports the difference, naming the command that would fix it.
 * False when the file is stale and was left so.
 */
export function syncGeneratedFile(file: string, wanted: string, { check, command }: { check: boolean; command: string }): boolean {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (current === wanted) return true;
  const name = path.relative(root, file);
  if (check) {
    console.error(`${name} is out of date: run ${command}`);
    return false;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, wanted);
  console.log(`wrote ${name}`);
  return true;
}
