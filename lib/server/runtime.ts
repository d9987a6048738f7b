import { bootstrapOperator } from "../auth/bootstrap-operator";
import { getReadyDb } from "../db/ready";
import { startConfiguredWorker } from "../delivery/worker-runtime";
import { startBulkJobRunner } from "../dlq/bulk-job-runner";
import { logger } from "../log";
import { startCleanup } from "../ops/cleanup";
import { tagRequestsWithPeerAddress } from "./peer-address";
import { configOrExit } from "./startup";

const RETRY_START_MS = 5_000;

/**
 * Start-up work for a web instance: migrate, create the first operator from the
 * environment, then run the retention cleanup, the bulk reprocessing runner and (unless
 * HOOKRELAY_WORKER=false) the delivery worker in this process. A database that is down
 * does not stop the server: health answers 503 and start-up is tried again until it succeeds.
 */
export async function startServerRuntime(): Promise<void> {
  const c = configOrExit();
  tagRequestsWithPeerAddress();
  try {
    const db = await getReadyDb();
    logger.info({ provider: db.provider }, "database ready");
    const operator = await bootstrapOperator(db);
    if (operator === "created") logger.info("first operator created from HOOKRELAY_ADMIN_EMAIL");
    startCleanup(getReadyDb);
    startBulkJobRunner(getReadyDb, { pollMs: 1_000 });
    if (c.HOOKRELAY_WORKER) startConfiguredWorker(db, { exitOnSignal: true });
  } catch {
    // getReadyDb has logged the cause.
    setTimeout(() => void startServerRuntime(), RETRY_START_MS).unref();
  }
}
