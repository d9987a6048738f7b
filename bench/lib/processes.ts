import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { processTree } from "./cpu";
import { sleep } from "./stats";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DIST_DIR = ".next-bench";
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Children still running: killed if the bench itself exits or is interrupted. */
const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const p of live) p.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

function adopt(proc: ChildProcess): void {
  live.add(proc);
  proc.once("exit", () => live.delete(proc));
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  url: string;
  /** The DevTools port, when started with the inspector on (inspector.ts). */
  inspectPort?: number;
  stop(): Promise<void>;
}

/**
 * Builds the app into its own folder. The two experimental build modes (compile, then
 * generate) make the same server bundle as `next build` without its type-check step,
 * which also rewrites tsconfig.json to add this folder's type paths: the bench must not
 * touch a checked-in file, and types are `npm run typecheck`'s job.
 */
export function buildApp(log: (line: string) => void): void {
  for (const mode of ["compile", "generate"]) {
    const started = Date.now();
    const r = spawnSync(process.execPath, [NEXT_BIN, "build", "--experimental-build-mode", mode], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`next build (${mode}) failed:\n${r.stdout}\n${r.stderr}`);
    log(`next build --experimental-build-mode ${mode}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function stopper(proc: ChildProcess): () => Promise<void> {
  return async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
}

/**
 * `next start` on 127.0.0.1 against `databaseUrl`, resolved when GET /api/ping answers;
 * `inspect` opens the DevTools protocol on a port of its own, for the memory figures.
 */
export async function startNext(databaseUrl: string, env: Record<string, string> = {}, options: { inspect?: boolean } = {}): Promise<Child> {
  const port = await freePort();
  const inspectPort = options.inspect ? await freePort() : undefined;
  const output: string[] = [];
  const proc = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      HOOKRELAY_WORKER: "false",
      LOG_LEVEL: "warn",
      ...(inspectPort ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --inspect=127.0.0.1:${inspectPort}`.trim() } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  adopt(proc);
  const keep = (b: Buffer) => {
    output.push(b.toString());
    if (output.length > 200) output.shift();
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`next start exited (${proc.exitCode}):\n${output.join("")}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      proc.kill("SIGKILL");
      throw new Error(`next start did not become healthy within 60 s:\n${output.join("")}`);
    }
    await sleep(200);
  }
  return { proc, pid: proc.pid!, url, inspectPort, stop: stopper(proc) };
}

/** One of bench/lib/plain-server.ts's modes in a child process. */
export async function startPlain(mode: "floor" | "receiver"): Promise<Child> {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", "lib", "plain-server.ts"), mode], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  adopt(proc);
  const port = await new Promise<number>((resolve, reject) => {
    let buf = "";
    proc.stdout!.on("data", (b: Buffer) => {
      buf += b.toString();
      const line = buf.split("\n")[0];
      if (buf.includes("\n")) resolve((JSON.parse(line) as { port: number }).port);
    });
    proc.once("exit", (code) => reject(new Error(`plain server (${mode}) exited with ${code}`)));
  });
  return { proc, pid: proc.pid!, url: `http://127.0.0.1:${port}`, stop: stopper(proc) };
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Resident memory of a process and its descendants, in MiB: `next start` serves in its
 * own process today (it renames itself next-server), but a version that forks one is
 * measured the same way.
 */
export function treeRssMiB(pid: number): number {
  return processTree(pid).reduce((kb, p) => kb + rssKb(p), 0) / 1024;
}

/**
 * `npm run worker` as a child process against `databaseUrl`, with the product's default
 * settings; resolved once it logs that it started claiming.
 */
export async function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "worker.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: "true",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  adopt(proc);
  const output: string[] = [];
  const keep = (b: Buffer) => {
    output.push(b.toString());
    if (output.length > 200) output.shift();
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const until = Date.now() + 60_000;
  while (!output.join("").includes("delivery worker started")) {
    if (proc.exitCode !== null) throw new Error(`worker exited with ${proc.exitCode}:\n${output.join("")}`);
    if (Date.now() > until) throw new Error(`worker did not start within 60 s:\n${output.join("")}`);
    await sleep(50);
  }
  return { proc, pid: proc.pid!, url: "", stop: stopper(proc) };
}
