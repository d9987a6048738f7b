import { bootstrapOperator } from "../auth/bootstrap-operator";
import type { Db } from "../db/client";
import { getReadyDb } from "../db/ready";
import { startSupervisedWorker } from "../delivery/worker-runtime";
import { startBulkJobRunner } from "../dlq/bulk-job-runner";
import { logger } from "../log";
import { startCleanup } from "../ops/cleanup";
import { processSingleton } from "../process-singleton";
import { startPayloadIndexer } from "../search/payload-indexer";
import { tagRequestsWithPeerAddress } from "./peer-address";
import { configOrExit } from "./startup";

const RETRY_START_MS = 5_000;

/**
 * Start-up work for a web instance. The settings are checked first (a bad one ends the
 * process). The background loops start once, whatever the database is doing: the
 * retention cleanup, the payload search indexer, the bulk reprocessing runner and (unless HOOKRELAY_WORKER=false) the
 * supervised delivery worker each wait for the database on their own. Then the database
 * is migrated and the first operator created; the first try is awaited, so requests find
 * both in place, and while the database is down it is tried again every few seconds in
 * the background (health answers 503 meanwhile). Nothing but that database step is ever
 * repeated.
 */
export async function startServerRuntime(): Promise<void> {
  await processSingleton("server-runtime", () => {
    const c = configOrExit();
    tagRequestsWithPeerAddress();
    startCleanup(getReadyDb);
    startPayloadIndexer(getReadyDb);
    startBulkJobRunner(getReadyDb, { pollMs: 1_000 });
    if (c.HOOKRELAY_WORKER) startSupervisedWorker({ kind: "in-process", exitOnSignal: true });
    return prepareDatabase();
  });
}

async function prepareDatabase(): Promise<void> {
  let db: Db | null = null;
  const attempt = async (): Promise<boolean> => {
    try {
      if (!db) {
        db = await getReadyDb();
        logger.info({ provider: db.provider }, "database ready");
      }
      if ((await bootstrapOperator(db)) === "created") logger.info("first operator created from HOOKRELAY_ADMIN_EMAIL");
      return true;
    } catch (err) {
      logger.warn({ err: String(err), retryInMs: RETRY_START_MS }, "database start-up step failed; trying again");
      return false;
    }
  };
  if (await attempt()) return;
  void (async () => {
    do await new Promise((resolve) => setTimeout(resolve, RETRY_START_MS));
    while (!(await attempt()));
  })();
}
