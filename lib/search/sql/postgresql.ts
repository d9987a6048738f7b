import type pg from "pg";
import { containsPattern, longestWord } from "../payload-query";
import { distinctTypesSql, MAX_MATCHED_TYPES, NEWEST, newestOfTypesSql } from "./type-prefix";
import type { PayloadMatch, SearchSql, SearchTable } from "./types";

// The indexed expression exactly as the search_indexes migration wrote it: PostgreSQL uses
// the index only for that expression.
const WORDS = `to_tsvector('simple'::regconfig, regexp_replace(left("payload", 100000), '[^[:alnum:]]+', ' ', 'g'))`;
// The query's words are split the same way, and asked for all together rather than as a
// phrase: GIN answers that exactly, where a phrase makes PostgreSQL read every candidate
// row back and compute its words again (tens of µs each). The ILIKE beside it checks the
// words stand as they were typed.
const WORDS_QUERY = `plainto_tsquery('simple'::regconfig, regexp_replace($1, '[^[:alnum:]]+', ' ', 'g'))`;

// $1 is the words; the rest of each condition's parameters follow, then the limit. The
// LIKE comes first as the cheap check: PostgreSQL computes a payload's words (tens of µs) only
// for rows that pass it.
const MATCHES: Record<PayloadMatch["kind"], string> = {
  text: `"payload" ILIKE $2 AND ${WORDS} @@ ${WORDS_QUERY}`,
  path: `"payload" ILIKE $2 AND ${WORDS} @@ ${WORDS_QUERY} AND "search_jsonb"("payload") #> $3::text[] = $4::jsonb`,
};

/**
 * A word in most payloads would have the index name most rows, all read and sorted to keep
 * the newest few (seconds at a million rows). The newest rows are looked at first, read in
 * order and checked one by one; only when they hold too few matches does the index decide.
 */
const RECENT_ROWS_PER_MATCH = 50;

// Reached only when the newest rows held too few matches, so matches are rare (under one in
// RECENT_ROWS_PER_MATCH): every one is found through the index, then sorted. Left to itself,
// the planner may instead walk the newest-first index expecting a match soon, computing
// every payload's words on the way (seconds per 100,000 rows); MATERIALIZED keeps the two
// steps apart.
const newestMatching = (table: SearchTable, kind: PayloadMatch["kind"], limit: string) => `
WITH "matching" AS MATERIALIZED (SELECT "id", "${NEWEST[table]}" FROM "${table}" WHERE ${MATCHES[kind]})
SELECT "id" FROM "matching" ORDER BY "${NEWEST[table]}" DESC LIMIT ${limit}`;

const recentMatching = (table: SearchTable, kind: PayloadMatch["kind"], limit: string) => `
SELECT "id" FROM (SELECT "id", "payload", "${NEWEST[table]}" FROM "${table}" ORDER BY "${NEWEST[table]}" DESC LIMIT ${limit} * ${RECENT_ROWS_PER_MATCH}) AS "recent"
WHERE ${MATCHES[kind]} ORDER BY "${NEWEST[table]}" DESC LIMIT ${limit}`;

function matchArgs(match: PayloadMatch): unknown[] {
  if (match.kind === "text") return [match.text, containsPattern(match.text)];
  const { text, path, value } = match.equals;
  // A payload whose words hold the value holds its longest word as written, in some case.
  return [text, containsPattern(longestWord(text)), path.map(String), JSON.stringify(value)];
}

/** On the pool Prisma shares, with its statement deadlines (db/pg-pool.ts). */
export function postgresSearchSql(pool: pg.Pool): SearchSql {
  return {
    async findPayload(table, match: PayloadMatch, limit) {
      const args = [...matchArgs(match), limit];
      const limitParam = `$${args.length}`;
      const recent = await pool.query<{ id: string }>(recentMatching(table, match.kind, limitParam), args);
      if (recent.rows.length === limit) return recent.rows.map((r) => r.id);
      const { rows } = await pool.query<{ id: string }>(newestMatching(table, match.kind, limitParam), args);
      return rows.map((r) => r.id);
    },
    async findTypePrefix(table, prefix, limit) {
      const types = (await pool.query<{ t: string }>(distinctTypesSql(table))).rows.map((r) => r.t).filter((t) => t.startsWith(prefix)).slice(0, MAX_MATCHED_TYPES);
      if (types.length === 0) return [];
      const { rows } = await pool.query<{ id: string }>(newestOfTypesSql(table, types.length, (n) => `$${n}`), [limit, ...types]);
      return rows.map((r) => r.id);
    },
    // The GIN indexes are kept by PostgreSQL in the same transaction as the row.
    async catchUp() {
      return 0;
    },
  };
}
