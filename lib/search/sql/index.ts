import { perConnection } from "../../db/per-connection";
import { postgresSearchSql } from "./postgresql";
import { sqliteSearchSql } from "./sqlite";

/**
 * A search indexes what is still queued first (SQLite), so an event stored a moment ago is
 * found; a larger backlog is left to the indexer in the background.
 */
export const SEARCH_CATCH_UP_ROWS = 20_000;

/** The search's statements for a connection, prepared once per connection. */
export const searchSqlFor = perConnection((db) => {
  if (db.pgPool) return postgresSearchSql(db.pgPool);
  if (db.sqlite) return sqliteSearchSql(db.sqlite.connection, db.sqlite.gate);
  throw new Error(`No driver connection for ${db.provider}`);
});

export type * from "./types";
