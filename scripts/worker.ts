// `npm run worker`: a standalone delivery worker. Run several of them, and web instances
// with HOOKRELAY_WORKER=false, against one PostgreSQL database to scale out.
import { getReadyDb } from "../lib/db/ready";
import { startConfiguredWorker } from "../lib/delivery/worker-runtime";
import { logger } from "../lib/log";
import { configOrExit } from "../lib/server/startup";

async function main(): Promise<void> {
  configOrExit();
  for (;;) {
    try {
      const db = await getReadyDb();
      startConfiguredWorker(db, { exitOnSignal: true });
      return;
    } catch {
      logger.warn("database not ready; trying again in 5 s");
      await new Promise((r) => setTimeout(r, 5_000));
    }
  }
}

void main();
