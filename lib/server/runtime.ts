import { config } from "../config";
import { getReadyDb } from "../db/ready";
import { startConfiguredWorker } from "../delivery/worker-runtime";
import { logger } from "../log";

const RETRY_START_MS = 5_000;

/**
 * Start-up work for a web instance: migrate, then run the delivery worker in this
 * process unless HOOKRELAY_WORKER=false. A database that is down does not stop the
 * server: health answers 503 and start-up is tried again until it succeeds.
 */
export async function startServerRuntime(): Promise<void> {
  try {
    const db = await getReadyDb();
    logger.info({ provider: db.provider }, "database ready");
    if (config().HOOKRELAY_WORKER) startConfiguredWorker(db, { exitOnSignal: true });
  } catch {
    // getReadyDb has logged the cause.
    setTimeout(() => void startServerRuntime(), RETRY_START_MS).unref();
  }
}
