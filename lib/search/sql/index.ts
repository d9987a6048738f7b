import type { Db } from "../../db/client";
import { postgresSearchSql } from "./postgresql";
import { sqliteSearchSql } from "./sqlite";
import type { SearchSql } from "./types";

const byDb = new WeakMap<Db, SearchSql>();

/** The search's statements for a connection, prepared once per connection. */
export function searchSqlFor(db: Db): SearchSql {
  let sql = byDb.get(db);
  if (!sql) {
    if (db.pgPool) sql = postgresSearchSql(db.pgPool);
    else if (db.sqlite) sql = sqliteSearchSql(db.sqlite.connection, db.sqlite.gate);
    else throw new Error(`No driver connection for ${db.provider}`);
    byDb.set(db, sql);
  }
  return sql;
}

export type * from "./types";
