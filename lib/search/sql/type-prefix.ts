import type { SearchTable } from "./types";

/** The newest-first column of each table searched. */
export const NEWEST: Record<SearchTable, string> = { Message: "createdAt", InboundEvent: "receivedAt" };

/** More distinct event types than any deployment sends; the walk stops there. */
const MAX_TYPES = 1_000;
/** A prefix matching more types than this looks at this many (SQLite allows 500 parts in a UNION). */
export const MAX_MATCHED_TYPES = 100;

/**
 * Every distinct event type, in index order: one index seek per type (a loose index scan), so
 * a million rows of a few types cost a few seeks. A range on the prefix would depend on the
 * column's collation; the types are few, so they are filtered by prefix afterwards.
 */
export const distinctTypesSql = (table: SearchTable) => `
WITH RECURSIVE "types"("t") AS (
  SELECT min("eventType") FROM "${table}"
  UNION ALL
  SELECT (SELECT min("eventType") FROM "${table}" WHERE "eventType" > "types"."t") FROM "types" WHERE "types"."t" IS NOT NULL
)
SELECT "t" FROM "types" WHERE "t" IS NOT NULL LIMIT ${MAX_TYPES}`;

/**
 * The newest `limit` rows of each of `types.length` types, each read backwards along the
 * (eventType, newest) index, then the newest `limit` of those. `param(n)` writes the n-th
 * (1-based) placeholder of the driver.
 */
export function newestOfTypesSql(table: SearchTable, types: number, param: (n: number) => string): string {
  const column = NEWEST[table];
  const parts = Array.from(
    { length: types },
    (_, i) => `SELECT "id", "at" FROM (SELECT "id", "${column}" AS "at" FROM "${table}" WHERE "eventType" = ${param(i + 2)} ORDER BY "${column}" DESC LIMIT ${param(1)}) AS "t${i}"`,
  );
  return `${parts.join("\nUNION ALL\n")}\nORDER BY "at" DESC LIMIT ${param(1)}`;
}
