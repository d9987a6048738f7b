import type { Db } from "../db/client";
import { logger } from "../log";
import { searchSqlFor } from "./sql";

// Each pass takes what arrived since the last one; a backlog (say, rows stored before the
// payload_search migration) is worked off in passes of this many rows.
const ROWS_PER_PASS = 50_000;

/**
 * Keeps the payload search index up to date every `intervalMs`, so that a search has little
 * left to index first. A failed pass (database away) is logged and tried again next time.
 * Returns a function that stops it.
 */
export function startPayloadIndexer(getDb: () => Promise<Db>, intervalMs = 1_000): () => void {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await searchSqlFor(await getDb()).catchUp(ROWS_PER_PASS);
    } catch (err) {
      logger.warn({ err }, "payload search indexing failed; trying again at the next interval");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void pass(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
