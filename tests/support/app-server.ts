import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll } from "vitest";
import { connect, type Db } from "@/lib/db/client";
import type { Provider } from "@/lib/db/schema-derivation";
import { createScratchDb, type ScratchDb } from "@/scripts/lib/scratch-db";
import { assertPostgresReachable } from "./databases";
import { ensureAppBuilt, NEXT_BIN, ROOT } from "./built-app";
import { contractFetch } from "./contract";

/** The operator every test server creates at start-up (HOOKRELAY_ADMIN_EMAIL/PASSWORD). */
export const TEST_OPERATOR = { email: "operator@hookrelay.test", password: "integration operator password" };

export interface AppServer {
  /** `http://127.0.0.1:<port>`: the built app under `next start`, proxy included. */
  url: string;
  /** The child process; a test may signal it (SIGTERM, SIGKILL) to see what a user would. */
  proc: ChildProcess;
  /** The server's recent stdout and stderr, for a failing test's message. */
  output(): string;
  /** A request with no credentials, as a provider or a stranger sends it; the answer is checked against the API contract. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  databaseUrl: string;
  /** Extra environment; by default the in-server worker is off and private destinations are allowed. */
  env?: Record<string, string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const p of live) p.kill("SIGKILL");
});

/** `next start` of the built app (built first when its sources changed) against `databaseUrl`; resolved once /api/health answers 200. */
export async function startApp(options: StartOptions): Promise<AppServer> {
  await ensureAppBuilt();
  const port = await freePort();
  const lines: string[] = [];
  const proc = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: "",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      HOOKRELAY_WORKER: "false",
      HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: "true",
      HOOKRELAY_ADMIN_EMAIL: TEST_OPERATOR.email,
      HOOKRELAY_ADMIN_PASSWORD: TEST_OPERATOR.password,
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(proc);
  const exited = new Promise<number | null>((resolve) =>
    proc.once("exit", (code) => {
      live.delete(proc);
      resolve(code);
    }),
  );
  const keep = (b: Buffer) => {
    lines.push(b.toString());
    if (lines.length > 400) lines.shift();
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const output = () => lines.join("");
  const url = `http://127.0.0.1:${port}`;

  const until = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`next start exited (${proc.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      proc.kill("SIGKILL");
      throw new Error(`next start did not become healthy within 60 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    proc,
    output,
    fetch: httpClient(url).fetch,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill("SIGKILL"), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** An operator's HTTP client: a session signed in through /api/auth/sign-in, as the dashboard holds one. */
export interface OperatorClient {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON request; `body` is sent as JSON when it is not a string. */
  json(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** An HTTP client of the built app sending `headers` on every request (none: a stranger); every answer is checked against the API contract. */
export function httpClient(baseUrl: string, headers: Record<string, string> = {}): OperatorClient {
  const doFetch = (path: string, init: RequestInit = {}) => {
    const merged = new Headers(init.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return contractFetch(`${baseUrl}${path}`, { ...init, headers: merged });
  };
  return {
    fetch: doFetch,
    json: (method, path, body, extra = {}) =>
      doFetch(path, {
        method,
        headers: { "content-type": "application/json", ...extra },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      }),
  };
}

export async function signIn(baseUrl: string, credentials = TEST_OPERATOR): Promise<OperatorClient> {
  const res = await httpClient(baseUrl).json("POST", "/api/auth/sign-in", credentials);
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return httpClient(baseUrl, { cookie });
}

export interface TestApp {
  readonly url: string;
  readonly server: AppServer;
  /** A connection of the test's own to the server's database, for setup and for checking what was stored. */
  readonly db: Db;
  readonly databaseUrl: string;
  /** Signed in as TEST_OPERATOR. */
  readonly operator: OperatorClient;
  /** A request with no credentials; the answer is checked against the API contract. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs `body` (JSON unless already a string or bytes) to `/api/webhook[/source]` with no credentials, as a provider does. */
  postWebhook(body: unknown, headers?: Record<string, string>, source?: string): Promise<Response>;
}

/**
 * Registers hooks that give the file a fresh database of `provider` and the built app
 * serving it; read the fields inside tests. The server migrates the empty database
 * itself, as a first start does.
 */
export function useApp(provider: Provider, options: { env?: Record<string, string> } = {}): TestApp {
  let scratch: ScratchDb | undefined;
  let server: AppServer | undefined;
  let db: Db | undefined;
  let operator: OperatorClient | undefined;
  beforeAll(async () => {
    if (provider === "postgresql") await assertPostgresReachable();
    scratch = await createScratchDb(provider);
    server = await startApp({ databaseUrl: scratch.url, env: options.env });
    db = await connect(scratch.url, { poolSize: 5 });
    operator = await signIn(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await scratch?.drop();
  });
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("the test app is not started yet");
    return v;
  };
  return {
    get url() {
      return need(server).url;
    },
    get server() {
      return need(server);
    },
    get db() {
      return need(db);
    },
    get databaseUrl() {
      return need(scratch).url;
    },
    get operator() {
      return need(operator);
    },
    fetch(path, init) {
      return need(server).fetch(path, init);
    },
    postWebhook(body, headers = {}, source) {
      return need(server).fetch(`/api/webhook${source ? `/${source}` : ""}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        // A copy over a plain ArrayBuffer: what fetch's BodyInit type takes.
        body: typeof body === "string" ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
      });
    },
  };
}
