import type { SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { layerAdapter } from "./adapter-layer";
import { isConnectionLost } from "./errors";

/**
 * Prisma ends a transaction by sending COMMIT or ROLLBACK and hands the connection back
 * only when that statement succeeds. On a dead or silent connection it fails, the
 * connection is never returned, and after `max` such failures the pool is empty for
 * good; the ROLLBACK Prisma sends when a transaction times out even rejects with nobody
 * listening, which ends the process.
 *
 * This wrapper hands the connection back whatever happens (the pool closes it, as it is
 * still inside a transaction: see pg-pool.ts), skips the ROLLBACK on a connection already
 * known to be lost, and reports a failed ROLLBACK as done: a closed connection's
 * transaction can no longer commit. A failed COMMIT still throws: its outcome is unknown.
 */
export function releaseOnFailedEnd(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return layerAdapter(factory, (inner) => ({
    startTransaction: async (isolationLevel) => wrapTransaction(await inner.startTransaction(isolationLevel)),
  }));
}

function wrapTransaction(tx: Transaction): Transaction {
  let lost = false;
  let handedBack = false;
  // The adapter's commit() and rollback() only return the connection to the pool.
  const handBack = async () => {
    if (handedBack) return;
    handedBack = true;
    await tx.rollback();
  };
  const watch = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      if (isConnectionLost(err)) lost = true;
      throw err;
    }
  };

  async function executeRaw(q: SqlQuery): Promise<number> {
    if (q.sql === "ROLLBACK") {
      if (lost) {
        await handBack();
        return 0;
      }
      try {
        return await tx.executeRaw(q);
      } catch {
        await handBack();
        return 0;
      }
    }
    if (q.sql === "COMMIT") {
      try {
        return await tx.executeRaw(q);
      } catch (err) {
        await handBack();
        throw err;
      }
    }
    return watch(() => tx.executeRaw(q));
  }

  return Object.assign(Object.create(tx) as Transaction, {
    queryRaw: (q: SqlQuery) => watch(() => tx.queryRaw(q)),
    executeRaw,
    commit: handBack,
    rollback: handBack,
  });
}
