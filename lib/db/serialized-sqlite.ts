import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { layerAdapter } from "./adapter-layer";

/**
 * The better-sqlite3 adapter runs everything on one connection and locks only
 * transactions against each other: a plain query issued while another request's
 * transaction is open runs inside that transaction, and is lost if it rolls back.
 * This wrapper makes plain queries wait until no transaction is open.
 */
export function serializeSqliteAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return layerAdapter(factory, serialize);
}

function serialize(inner: SqlDriverAdapter): Partial<SqlDriverAdapter> {
  // Transactions queue on this chain; `open` is set synchronously before BEGIN runs, so no
  // plain query can start between the lock and the transaction's first statement.
  let chain: Promise<void> = Promise.resolve();
  let open: Promise<void> | null = null;

  const idle = async () => {
    while (open) await open;
  };

  async function startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const previous = chain;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    chain = previous.then(() => done);
    await previous;
    await idle();
    open = done;
    const end = () => {
      if (open === done) open = null;
      finish();
    };
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
      await idle();
      return inner.queryRaw(q);
    },
    async executeRaw(q) {
      await idle();
      return inner.executeRaw(q);
    },
    async executeScript(script) {
      await idle();
      return inner.executeScript(script);
    },
    startTransaction,
  };
}
