import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
/** The one build that `npm start`, the integration tests and Playwright all serve. */
export const DIST_DIR = path.join(ROOT, ".next");
const STAMP = path.join(DIST_DIR, "hookrelay-source-stamp");
const LOCK = path.join(ROOT, ".next-build.lock");

/** Everything `next build` reads from the project; tests, e2e, scripts and bench are not in the app. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "tsconfig.app.json",
  "package-lock.json",
];

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((d) => filesUnder(path.join(entry, d.name)))
    .sort();
}

/** A digest of every build input's path and content: equal digests, equal builds. */
export function sourceStamp(): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap(filesUnder)) {
    hash.update(file).update("\0").update(readFileSync(path.join(ROOT, file))).update("\0");
  }
  return hash.digest("hex");
}

function isBuilt(stamp: string): boolean {
  return existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Holds a lock directory while `work` runs, so test files starting at once build one at a time. */
async function withBuildLock(work: () => void): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a process that died (a killed test run) is taken over.
      const owner = Number(readFileSync(path.join(LOCK, "pid"), { encoding: "utf8", flag: "a+" }));
      if (owner && !processAlive(owner)) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    writeFileSync(path.join(LOCK, "pid"), String(process.pid));
    work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the app unless the build on disk was made from exactly these sources: tests that
 * talk to `next start` would otherwise pass or fail against yesterday's code. Only the
 * tests that start the app pay for the build.
 */
export async function ensureAppBuilt(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<void> {
  if (isBuilt(sourceStamp())) return;
  await withBuildLock(() => {
    // Another test file may have built it while this one waited for the lock.
    if (isBuilt(sourceStamp())) return;
    log("building the app for the tests that run against next start…");
    const started = Date.now();
    const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
    // The build may rewrite tsconfig.json; the stamp is of what the build saw last.
    writeFileSync(STAMP, sourceStamp());
    log(`next build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}
