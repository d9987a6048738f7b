import type { Db } from "../client";
import { postgresHotPath } from "./postgresql";
import { sqliteHotPath } from "./sqlite";
import type { HotPathSql } from "./types";

const byDb = new WeakMap<Db, HotPathSql>();

/** The hot-path statements for a connection, prepared once per connection. */
export function hotPathFor(db: Db): HotPathSql {
  let sql = byDb.get(db);
  if (!sql) {
    if (db.pgPool) sql = postgresHotPath(db.pgPool);
    else if (db.sqlite) sql = sqliteHotPath(db.sqlite.connection, db.sqlite.gate);
    else throw new Error(`No driver connection for ${db.provider}`);
    byDb.set(db, sql);
  }
  return sql;
}

export type * from "./types";
