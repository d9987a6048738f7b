import type { Db } from "../../db/client";
import { postgresPayloadIndex } from "./postgresql";
import { sqlitePayloadIndex } from "./sqlite";
import type { PayloadIndex } from "./types";

const byDb = new WeakMap<Db, PayloadIndex>();

/** The payload search's statements for a connection, prepared once per connection. */
export function payloadIndexFor(db: Db): PayloadIndex {
  let index = byDb.get(db);
  if (!index) {
    if (db.pgPool) index = postgresPayloadIndex(db.pgPool);
    else if (db.sqlite) index = sqlitePayloadIndex(db.sqlite.connection, db.sqlite.gate);
    else throw new Error(`No driver connection for ${db.provider}`);
    byDb.set(db, index);
  }
  return index;
}

export type * from "./types";
