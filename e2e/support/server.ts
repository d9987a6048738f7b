// The server end-to-end tests run against: `next start` on a brand-new SQLite file, so
// every run starts from the same empty state and exercises the first-start migration.
// The data directory is per port, so runs on different ports can go side by side.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureAppBuilt } from "../../tests/support/built-app";
import { E2E_OPERATOR } from "./global-setup";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.E2E_PORT ?? "3100";
const dataDir = path.join(root, "data", `e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });
await ensureAppBuilt();

const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: `file:${path.join(dataDir, "hookrelay.db")}`,
    HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: "true",
    HOOKRELAY_ADMIN_EMAIL: E2E_OPERATOR.email,
    HOOKRELAY_ADMIN_PASSWORD: E2E_OPERATOR.password,
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
