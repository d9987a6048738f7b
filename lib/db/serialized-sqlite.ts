import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { layerAdapter } from "./adapter-layer";
import type { SqliteGate } from "./sqlite-gate";

/**
 * The better-sqlite3 adapter runs everything on one connection and locks only
 * transactions against each other: a plain query issued while another request's
 * transaction is open runs inside that transaction, and is lost if it rolls back.
 * This wrapper makes plain queries wait until no transaction is open; the gate it shares
 * with the hot paths' own connection keeps their writes out of its transactions too.
 */
export function serializeSqliteAdapter(factory: SqlDriverAdapterFactory, gate: SqliteGate): SqlDriverAdapterFactory {
  return layerAdapter(factory, (inner) => serialize(inner, gate));
}

function serialize(inner: SqlDriverAdapter, gate: SqliteGate): Partial<SqlDriverAdapter> {
  async function startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const end = await gate.enter();
    let tx: Transaction;
    try {
      tx = await inner.startTransaction(isolationLevel);
    } catch (err) {
      end();
      throw err;
    }
    return Object.assign(Object.create(tx) as Transaction, {
      queryRaw: (q: SqlQuery) => tx.queryRaw(q),
      executeRaw: (q: SqlQuery) => tx.executeRaw(q),
      commit: async () => {
        try {
          await tx.commit();
        } finally {
          end();
        }
      },
      rollback: async () => {
        try {
          await tx.rollback();
        } finally {
          end();
        }
      },
    });
  }

  return {
    async queryRaw(q) {
      await gate.idle();
      return inner.queryRaw(q);
    },
    async executeRaw(q) {
      await gate.idle();
      return inner.executeRaw(q);
    },
    async executeScript(script) {
      await gate.idle();
      return inner.executeScript(script);
    },
    startTransaction,
  };
}
