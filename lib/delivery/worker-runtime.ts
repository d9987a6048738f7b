import { hostname } from "node:os";
import { config } from "../config";
import { connect } from "../db/client";
import { getReadyDb } from "../db/ready";
import { logger } from "../log";
import { processSingleton } from "../process-singleton";
import { DeliveryWorker } from "./worker";
import { WorkerSupervisor } from "./worker-supervisor";

/**
 * A claim loop that has not gone round in this long is stalled: three statement
 * deadlines (a claim and the policy look-up before it, with room) plus one poll interval.
 */
export function stallAfterMs(c = config()): number {
  return 3 * c.HOOKRELAY_DB_STATEMENT_TIMEOUT_MS + c.HOOKRELAY_WORKER_POLL_MS;
}

const holder = () => processSingleton<{ supervisor: WorkerSupervisor | null }>("worker-supervisor", () => ({ supervisor: null }));

/** This process's supervised worker, if it runs one (for /api/health). */
export function localWorker(): WorkerSupervisor | null {
  return holder().supervisor;
}

/**
 * Starts this process's delivery worker under a supervisor, configured from the
 * environment, and stops it gracefully on SIGTERM/SIGINT. One per process: a second
 * call returns the first.
 */
export function startSupervisedWorker(options: { kind: "standalone" | "in-process"; exitOnSignal: boolean }): WorkerSupervisor {
  const slot = holder();
  if (slot.supervisor) return slot.supervisor;
  const c = config();
  const supervisor = new WorkerSupervisor({
    // On PostgreSQL the worker has a pool of its own, so a stalled worker's connections can
    // be replaced without touching the ones serving requests. SQLite takes one writer per
    // file, and a second connection in this process would wait for the first while
    // blocking the event loop the first needs to finish: the worker shares the process's.
    connect: async () => {
      const shared = await getReadyDb();
      return shared.provider === "sqlite" ? shared : connect(shared.url);
    },
    disconnect: async (db) => {
      if (db.provider !== "sqlite") await db.close();
    },
    createWorker: (db) =>
      new DeliveryWorker({
        db,
        concurrency: c.HOOKRELAY_WORKER_CONCURRENCY,
        pollMs: c.HOOKRELAY_WORKER_POLL_MS,
        allowPrivateDestinations: c.HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS,
        autoDisableAfterMs: c.HOOKRELAY_AUTO_DISABLE_AFTER_MS,
        leaseMarginMs: c.HOOKRELAY_LEASE_MARGIN_MS,
      }),
    identity: { kind: options.kind, host: hostname(), pid: process.pid },
    stallAfterMs: stallAfterMs(c),
    graceMs: c.HOOKRELAY_SHUTDOWN_GRACE_MS,
  });
  slot.supervisor = supervisor;
  supervisor.start();
  logger.info({ supervisor: supervisor.id }, "delivery worker supervisor started");
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, supervisor: supervisor.id }, "stopping the delivery worker");
    supervisor
      .stop()
      .catch((err) => logger.error({ err }, "worker did not stop cleanly"))
      .finally(() => {
        if (options.exitOnSignal) process.exit(0);
      });
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  return supervisor;
}
