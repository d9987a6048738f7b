import { getReadyDb } from "../db/ready";
import { logger } from "../log";

/** Start-up work for a web instance. A database that is down does not stop the server: health answers 503 until it is back. */
export async function startServerRuntime(): Promise<void> {
  try {
    const db = await getReadyDb();
    logger.info({ provider: db.provider }, "database ready");
  } catch {
    // getReadyDb has logged the cause and will try again on the next request.
  }
}
