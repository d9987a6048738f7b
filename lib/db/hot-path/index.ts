import { perConnection } from "../per-connection";
import { postgresHotPath } from "./postgresql";
import { sqliteHotPath } from "./sqlite";

/** The hot-path statements for a connection, prepared once per connection. */
export const hotPathFor = perConnection((db) => {
  if (db.pgPool && db.pgClaimPool) return postgresHotPath(db.pgPool, db.pgClaimPool);
  if (db.sqlite) return sqliteHotPath(db.sqlite.connection, db.sqlite.gate);
  throw new Error(`No driver connection for ${db.provider}`);
});

export type * from "./types";
