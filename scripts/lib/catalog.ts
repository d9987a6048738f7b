import Database from "better-sqlite3";
import pg from "pg";
import { providerFor, sqliteFilePath } from "../../lib/db/provider";

const IGNORED_TABLE = "_hookrelay_migrations";
/**
 * The payload search's objects (the payload_search migration) are written by hand, outside
 * Prisma's models, so a database Prisma creates from the models has none of them.
 */
const HAND_WRITTEN = String.raw`search\_%`;

/**
 * A normalized description of a database's tables, columns, indexes and foreign keys,
 * read from the catalog. Two databases with equal descriptions have the same schema;
 * comparing them needs no Prisma introspection (which cannot read PostgreSQL here).
 */
export async function describeDatabase(url: string): Promise<unknown> {
  return providerFor(url) === "postgresql" ? describePostgres(url) : describeSqlite(url);
}

function describeSqlite(url: string): unknown {
  const db = new Database(sqliteFilePath(url), { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE ? ESCAPE '\\' AND name <> ? ORDER BY name`).all(HAND_WRITTEN, IGNORED_TABLE) as { name: string }[]).map((t) => t.name);
    return tables.map((table) => ({
      table,
      columns: db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY name`).all(table),
      indexes: (db.prepare(`SELECT name, "unique", origin FROM pragma_index_list(?) ORDER BY name`).all(table) as { name: string }[]).map((i) => ({
        ...i,
        columns: db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(i.name),
      })),
      foreignKeys: db.prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"`).all(table),
    }));
  } finally {
    db.close();
  }
}

async function describePostgres(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql, [IGNORED_TABLE])).rows;
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> $1 ORDER BY table_name, column_name`),
      indexes: (await client.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1 AND indexname NOT LIKE $2 ORDER BY tablename, indexname`, [IGNORED_TABLE, HAND_WRITTEN])).rows,
      constraints: await q(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> $1 ORDER BY 1, 2`),
    };
  } finally {
    await client.end();
  }
}
