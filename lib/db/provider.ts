import path from "node:path";
import type { Provider } from "./schema-derivation";

export const DEFAULT_SQLITE_FILE = path.join("data", "hookrelay.db");

/** PostgreSQL when the URL says so; otherwise an embedded SQLite file (the zero-configuration default). */
export function providerFor(url: string | undefined): Provider {
  return url && /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** The database URL the app runs on: DATABASE_URL, or the embedded default under ./data/. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : `file:${DEFAULT_SQLITE_FILE}`;
}

/** A filesystem path for a SQLite URL (`file:./x.db`, `file:/abs/x.db` or a bare path). */
export function sqliteFilePath(url: string): string {
  const bare = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path.resolve(bare.split("?")[0]);
}
