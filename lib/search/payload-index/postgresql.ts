import type pg from "pg";
import { containsPattern } from "../payload-query";
import type { PayloadIndex, PayloadMatch, PayloadTable } from "./types";

// The newest-first column of each table, and the indexed expression exactly as the
// payload_search migration wrote it: PostgreSQL uses the index only for that expression.
const NEWEST: Record<PayloadTable, string> = { Message: "createdAt", InboundEvent: "receivedAt" };
const WORDS = `to_tsvector('simple'::regconfig, regexp_replace(left("payload", 100000), '[^[:alnum:]]+', ' ', 'g'))`;
// The query's words are split the same way.
const PHRASE = `phraseto_tsquery('simple'::regconfig, regexp_replace($1, '[^[:alnum:]]+', ' ', 'g'))`;

const findText = (table: PayloadTable) => `
SELECT "id" FROM "${table}"
WHERE ${WORDS} @@ ${PHRASE} AND "payload" ILIKE $2
ORDER BY "${NEWEST[table]}" DESC LIMIT $3`;

const findPath = (table: PayloadTable) => `
SELECT "id" FROM "${table}"
WHERE ${WORDS} @@ ${PHRASE} AND "search_jsonb"("payload") #> $2::text[] = $3::jsonb
ORDER BY "${NEWEST[table]}" DESC LIMIT $4`;

/** On the pool Prisma shares, with its statement deadlines (db/pg-pool.ts). */
export function postgresPayloadIndex(pool: pg.Pool): PayloadIndex {
  return {
    async find(table, match: PayloadMatch, limit) {
      const { rows } =
        match.kind === "text"
          ? await pool.query<{ id: string }>(findText(table), [match.text, containsPattern(match.text), limit])
          : await pool.query<{ id: string }>(findPath(table), [match.equals.text, match.equals.path.map(String), JSON.stringify(match.equals.value), limit]);
      return rows.map((r) => r.id);
    },
    // The GIN indexes are kept by PostgreSQL in the same transaction as the row.
    async catchUp() {
      return 0;
    },
  };
}
