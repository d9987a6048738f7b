import type { Db } from "../db/client";
import { startPeriodic } from "../ops/periodic";
import { searchSqlFor } from "./sql";

// Each pass takes what arrived since the last one; a backlog (say, rows stored before the
// search_indexes migration) is worked off in passes of this many rows.
const ROWS_PER_PASS = 50_000;

/**
 * Keeps the payload search index up to date every `intervalMs`, so that a search has little
 * left to index first. Returns a function that stops it.
 */
export function startPayloadIndexer(getDb: () => Promise<Db>, intervalMs = 1_000): () => void {
  return startPeriodic(
    intervalMs,
    async () => {
      await searchSqlFor(await getDb()).catchUp(ROWS_PER_PASS);
    },
    "payload search indexing failed; trying again at the next interval",
  );
}
