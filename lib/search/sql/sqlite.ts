import type Database from "better-sqlite3";
import type { SqliteGate } from "../../db/sqlite-gate";
import { containsPattern, fts5Phrase, sqliteJsonPath, sqliteJsonTypes, sqliteJsonValue } from "../payload-query";
import { distinctTypesSql, MAX_MATCHED_TYPES, newestOfTypesSql } from "./type-prefix";
import type { PayloadMatch, SearchSql, SearchTable } from "./types";

const FTS: Record<SearchTable, string> = { Message: "search_message", InboundEvent: "search_inbound_event" };
const TABLES = Object.keys(FTS) as SearchTable[];

// One FTS5 write transaction per batch: indexing costs about 8 µs a row this way, against
// about 180 µs when each row commits on its own (measured on this machine).
const BATCH = 2_000;

// A payload search indexes what is still queued first, so an event stored a moment ago is
// found; a larger backlog is left to the indexer in the background.
const SEARCH_CATCH_UP_ROWS = 20_000;

// The FTS5 table comes first so that it yields rowids newest first and the LIMIT stops the
// scan; the LIKE or JSON check then drops rows whose words matched but not the text itself.
const findText = (table: SearchTable) => `
SELECT t."id" FROM "${FTS[table]}" s JOIN "${table}" t ON t.rowid = s.rowid
WHERE "${FTS[table]}" MATCH ? AND t."payload" LIKE ? ESCAPE '\\'
ORDER BY s.rowid DESC LIMIT ?`;

const findPath = (table: SearchTable) => `
SELECT t."id" FROM "${FTS[table]}" s JOIN "${table}" t ON t.rowid = s.rowid
WHERE "${FTS[table]}" MATCH ?
  AND CASE WHEN json_valid(t."payload") THEN json_type(t."payload", ?) IN (?, ?) AND json_extract(t."payload", ?) IS ? ELSE 0 END
ORDER BY s.rowid DESC LIMIT ?`;

export function sqliteSearchSql(connection: Database.Database, gate: SqliteGate): SearchSql {
  const statements = new Map(
    TABLES.map((table) => [
      table,
      {
        text: connection.prepare<unknown[], { id: string }>(findText(table)),
        path: connection.prepare<unknown[], { id: string }>(findPath(table)),
        lastQueued: connection.prepare<[number], { rid: number | null }>(`SELECT max("rid") AS "rid" FROM (SELECT "rid" FROM "search_pending" WHERE "tbl" = '${table}' ORDER BY "rid" LIMIT ?)`),
        index: connection.prepare(`INSERT INTO "${FTS[table]}" (rowid, "payload") SELECT t.rowid, t."payload" FROM "search_pending" p JOIN "${table}" t ON t.rowid = p."rid" WHERE p."tbl" = '${table}' AND p."rid" <= ?`),
        dequeue: connection.prepare(`DELETE FROM "search_pending" WHERE "tbl" = '${table}' AND "rid" <= ?`),
        types: connection.prepare<[], { t: string }>(distinctTypesSql(table)),
      },
    ]),
  );

  const indexBatch = connection.transaction((table: SearchTable, limit: number): number => {
    const s = statements.get(table)!;
    const last = s.lastQueued.get(limit)?.rid ?? null;
    if (last === null) return 0;
    s.index.run(last);
    return s.dequeue.run(last).changes;
  });

  async function indexQueued(tables: readonly SearchTable[], maxRows: number): Promise<number> {
    let done = 0;
    for (const table of tables) {
      while (done < maxRows) {
        // Synchronous and short, so it runs only between the other connection's transactions.
        const n = await gate.run(() => indexBatch.immediate(table, Math.min(BATCH, maxRows - done)));
        done += n;
        if (n === 0) break;
        // Lets requests in between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return done;
  }

  return {
    async findPayload(table, match: PayloadMatch, limit) {
      // This table only: the search page asks both tables at once, and each catches up its own.
      await indexQueued([table], SEARCH_CATCH_UP_ROWS);
      const s = statements.get(table)!;
      if (match.kind === "text") return s.text.all(fts5Phrase(match.text), containsPattern(match.text), limit).map((r) => r.id);
      const { text, path, value } = match.equals;
      const jsonPath = sqliteJsonPath(path);
      return s.path.all(fts5Phrase(text), jsonPath, ...sqliteJsonTypes(value), jsonPath, sqliteJsonValue(value), limit).map((r) => r.id);
    },

    async findTypePrefix(table, prefix, limit) {
      const types = statements.get(table)!.types.all().map((r) => r.t).filter((t) => t.startsWith(prefix)).slice(0, MAX_MATCHED_TYPES);
      if (types.length === 0) return [];
      // One statement per number of types; prepared again each time, as the count varies.
      const params: Record<string, unknown> = { p1: limit };
      types.forEach((t, i) => (params[`p${i + 2}`] = t));
      return connection.prepare<[Record<string, unknown>], { id: string }>(newestOfTypesSql(table, types.length, (n) => `@p${n}`)).all(params).map((r) => r.id);
    },

    catchUp: (maxRows) => indexQueued(TABLES, maxRows),
  };
}
