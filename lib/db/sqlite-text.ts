import type { SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { layerAdapter } from "./adapter-layer";

/** PostgreSQL's SQLSTATE for text holding U+0000, which it cannot store. */
const NUL_IN_TEXT_SQLSTATE = "22021";

function refuseNul(q: SqlQuery): SqlQuery {
  if (q.args.some((arg) => typeof arg === "string" && arg.includes("\u0000"))) {
    throw Object.assign(new Error("invalid byte sequence: text cannot contain the NUL character (U+0000)"), { code: NUL_IN_TEXT_SQLSTATE });
  }
  return q;
}

/**
 * SQLite stores text with U+0000 in it; PostgreSQL refuses it. So that a request is valid
 * or invalid the same way on both databases, SQLite refuses it too, with PostgreSQL's
 * error code, which the request paths already answer with a 400 (errors.ts isInvalidText).
 */
export function refuseNulText(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return layerAdapter(factory, (inner) => ({
    queryRaw: async (q) => inner.queryRaw(refuseNul(q)),
    executeRaw: async (q) => inner.executeRaw(refuseNul(q)),
    startTransaction: async (level) => {
      const tx = await inner.startTransaction(level);
      // commit and rollback are bound too: the adapter's own use private fields of `tx`.
      return Object.assign(Object.create(tx) as Transaction, {
        queryRaw: async (q: SqlQuery) => tx.queryRaw(refuseNul(q)),
        executeRaw: async (q: SqlQuery) => tx.executeRaw(refuseNul(q)),
        commit: () => tx.commit(),
        rollback: () => tx.rollback(),
      });
    },
  }));
}
