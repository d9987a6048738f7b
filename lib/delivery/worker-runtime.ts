import { config } from "../config";
import type { Db } from "../db/client";
import { logger } from "../log";
import { DeliveryWorker } from "./worker";

/** A worker configured from the environment, stopped gracefully on SIGTERM/SIGINT. */
export function startConfiguredWorker(db: Db, options: { exitOnSignal: boolean }): DeliveryWorker {
  const c = config();
  const worker = new DeliveryWorker({
    db,
    concurrency: c.HOOKRELAY_WORKER_CONCURRENCY,
    pollMs: c.HOOKRELAY_WORKER_POLL_MS,
    allowPrivateDestinations: c.HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS,
    autoDisableAfterMs: c.HOOKRELAY_AUTO_DISABLE_AFTER_MS,
    leaseMarginMs: c.HOOKRELAY_LEASE_MARGIN_MS,
  });
  worker.start();
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workerId: worker.id }, "stopping the delivery worker");
    worker
      .stop(c.HOOKRELAY_SHUTDOWN_GRACE_MS)
      .catch((err) => logger.error({ err }, "worker did not stop cleanly"))
      .finally(() => {
        if (options.exitOnSignal) process.exit(0);
      });
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  return worker;
}
