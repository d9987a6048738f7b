import type { Provider } from "./schema-derivation";
import { providerFor, databaseUrlFromEnv } from "./provider";
import type { Db } from "./client";
import { withDeadline } from "./deadline";

export interface DatabaseHealth {
  provider: Provider;
  ok: boolean;
  latencyMs?: number;
  error?: string;
}

const PROBE_TIMEOUT_MS = 3_000;

/** Runs one trivial query with a deadline; never throws. */
export async function checkDatabase(getDb: () => Promise<Db>): Promise<DatabaseHealth> {
  const provider = providerFor(databaseUrlFromEnv());
  const started = performance.now();
  try {
    const probe = (async () => {
      const db = await getDb();
      await db.prisma.$queryRawUnsafe("SELECT 1");
    })();
    await withDeadline(probe, PROBE_TIMEOUT_MS, "The health probe");
    return { provider, ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { provider, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
