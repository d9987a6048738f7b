import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * A driver adapter factory whose adapters are `inner`'s with some methods replaced: the
 * way lib/db adds behaviour (serialized SQLite transactions, refused NUL text, pooled
 * connections handed back after a failed COMMIT) without touching Prisma's adapters.
 */
export function layerAdapter(factory: SqlDriverAdapterFactory, layer: (inner: SqlDriverAdapter) => Partial<SqlDriverAdapter>): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const inner = await factory.connect();
      const passThrough: SqlDriverAdapter = {
        provider: inner.provider,
        adapterName: inner.adapterName,
        queryRaw: (q) => inner.queryRaw(q),
        executeRaw: (q) => inner.executeRaw(q),
        executeScript: (script) => inner.executeScript(script),
        startTransaction: (level) => inner.startTransaction(level),
        getConnectionInfo: inner.getConnectionInfo?.bind(inner),
        dispose: () => inner.dispose(),
      };
      return { ...passThrough, ...layer(inner) };
    },
  };
}
