import { config } from "../config";
import { databaseUrlFromEnv } from "../db/provider";
import { getReadyDb } from "../db/ready";
import { logger } from "../log";
import { processSingleton } from "../process-singleton";
import { DedupeCache } from "./dedupe-cache";
import { inboundHandlers } from "./handlers";
import type { InboundDeps } from "./receive-webhook";
import { RateLimiter } from "../rate-limiter";
import { RefusalLog } from "./refusal-log";
import { SourceCache } from "./source-cache";
import type { SourceStore } from "./sources";

const HIT_FLUSH_INTERVAL_MS = 1_000;

/**
 * The process's inbound pipeline (one memory tier per process, whichever route bundle
 * asks first); the duplicate counts from the memory tier and the refusals gathered at the
 * door are written every second.
 */
export function inboundRuntime(): InboundDeps {
  // Keyed by database too: a memory tier must never answer for another database's records.
  return processSingleton(`inbound:${databaseUrlFromEnv()}`, () => {
    const c = config();
    const refusals = new RefusalLog();
    const created: InboundDeps = {
      getDb: getReadyDb,
      cache: new DedupeCache(c.HOOKRELAY_DEDUPE_CACHE_SIZE),
      sources: new SourceCache(),
      registry: inboundHandlers,
      limiter: new RateLimiter(),
      refusals,
      now: Date.now,
      maxBodyBytes: c.HOOKRELAY_MAX_BODY_BYTES,
      budgetMs: c.HOOKRELAY_PROCESSING_BUDGET_MS,
      maxInflight: c.HOOKRELAY_MAX_INFLIGHT_INBOUND,
      inflight: { count: 0 },
    };
    setInterval(() => {
      getReadyDb()
        .then(async (db) => {
          await created.cache.flushHits(db);
          await refusals.flush(db, Date.now());
        })
        .catch((err: unknown) => logger.debug({ err }, "duplicate counts or refusals not flushed; kept for the next flush"));
    }, HIT_FLUSH_INTERVAL_MS).unref();
    return created;
  });
}

/** The source services' view of this process: edits invalidate the receive path's source cache at once. */
export async function sourceStore(): Promise<SourceStore> {
  return { db: await getReadyDb(), cache: inboundRuntime().sources };
}
