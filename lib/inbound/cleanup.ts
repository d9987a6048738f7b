import type { Db } from "../db/client";
import { logger } from "../log";
import { deleteExpiredRecords } from "./idempotency-store";

/**
 * Removes expired idempotency records every `intervalMs`. A failed sweep (database away)
 * is logged and tried again next time; a sweep still running is not started twice.
 * Returns a function that stops the sweeps.
 */
export function startInboundCleanup(getDb: () => Promise<Db>, intervalMs = 60_000): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const removed = await deleteExpiredRecords(await getDb(), new Date());
      if (removed > 0) logger.info({ removed }, "expired inbound records removed");
    } catch (err) {
      logger.warn({ err }, "inbound cleanup failed; trying again at the next interval");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
