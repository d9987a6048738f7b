import { perConnection } from "../../db/per-connection";
import { postgresSearchSql } from "./postgresql";
import { sqliteSearchSql } from "./sqlite";

/** The search's statements for a connection, prepared once per connection. */
export const searchSqlFor = perConnection((db) => {
  if (db.pgPool) return postgresSearchSql(db.pgPool);
  if (db.sqlite) return sqliteSearchSql(db.sqlite.connection, db.sqlite.gate);
  throw new Error(`No driver connection for ${db.provider}`);
});

export type * from "./types";
