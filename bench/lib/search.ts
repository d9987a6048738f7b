import pg from "pg";
import type { Db } from "../../lib/db/client";
import { searchSqlFor } from "../../lib/search/sql";
import { search } from "../../lib/search/search";
import { median, percentile } from "./stats";

export interface SearchTiming {
  p50Ms: number;
  p95Ms: number;
  /** Results of the last search: the query must find something, or the timing proves little. */
  hits: number;
}

export interface SearchFigures {
  /** Deliveries stored when each set of timings was taken (two per message). */
  sizes: [number, number];
  /** Per kind of query, its timings at the small and the large size. */
  queries: Record<string, [SearchTiming, SearchTiming]>;
  seedSeconds: number;
  /** SQLite: indexing the queued payloads after the seed, per row; null on PostgreSQL (indexed as stored). */
  indexUsPerRow: number | null;
}

const DELIVERIES_PER_MESSAGE = 2;
const RUNS = 40;
const WARM_UP = 3;

/**
 * The kinds of search an operator makes, each aimed at rows spread through the table (never
 * only the newest): a provider's event id, a payload member's value, a rare word in payloads,
 * a word in every payload (the newest 20 of a million), and an event-type prefix.
 */
const QUERIES: Record<string, (k: number) => string> = {
  "provider event id": (k) => `evt_${k}`,
  "payload member = value": (k) => `data.object.customer=cus_${k % 50_000}`,
  "payload text, one row": (k) => `ord_${k}`,
  "payload text, every row": () => "monthly subscription",
  "event type prefix": () => "invoice.*",
};

// The rows are made by the database itself from a series: a million rows through a driver's
// parameters would take minutes on this machine, and the payloads need no variety beyond ids.
const payloadSql = (i: string) =>
  `'{"id":"evt_' || ${i} || '","type":"invoice.paid","data":{"object":{"id":"in_' || ${i} || '","customer":"cus_' || (${i} % 50000) || '","customer_email":"user' || (${i} % 20000) || '@example.com","amount_paid":' || (${i} % 900 + 100) || ',"currency":"usd","lines":[{"description":"Pro plan monthly subscription","amount":2000}],"metadata":{"order":"ord_' || ${i} || '"}}}}'`;

function seedSql(provider: Db["provider"]): string[] {
  const series = provider === "postgresql" ? "SELECT generate_series($1::int, $2::int) AS i" : "WITH RECURSIVE s(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM s WHERE i < CAST(? AS INTEGER)) SELECT i FROM s";
  const at = provider === "postgresql" ? (i: string) => `to_timestamp(1700000000 + ${i})` : (i: string) => `(1700000000 + ${i}) * 1000`;
  const expires = provider === "postgresql" ? "to_timestamp(4102444800)" : "4102444800000";
  return [
    `INSERT INTO "Message" ("id", "eventType", "payload", "createdAt") SELECT 'msg_' || i, 'invoice.paid', ${payloadSql("i")}, ${at("i")} FROM (${series}) g`,
    `INSERT INTO "InboundEvent" ("id", "sourceId", "idempotencyKey", "keySource", "eventType", "payload", "status", "resultStatus", "receivedAt", "expiresAt", "messageId")
     SELECT 'ie_' || i, (SELECT "id" FROM "InboundSource" ORDER BY "createdAt" LIMIT 1), 'evt_' || i, 'body.id', 'invoice.paid', ${payloadSql("i")}, 'processed', 200, ${at("i")}, ${expires}, 'msg_' || i FROM (${series}) g`,
    `INSERT INTO "Delivery" ("id", "messageId", "endpointId", "status", "attemptCount", "nextAttemptAt", "createdAt", "updatedAt")
     SELECT 'dlv_' || i || '_' || e."n", 'msg_' || i, e."id", 'delivered', 1, ${at("i")}, ${at("i")}, ${at("i")}
     FROM (${series}) g CROSS JOIN (SELECT "id", row_number() OVER (ORDER BY "id") AS "n" FROM "Endpoint" ORDER BY "id" LIMIT ${DELIVERIES_PER_MESSAGE}) e`,
  ];
}

const CHUNK = 20_000;

/** The bench's own connection for loading and ANALYZE, free of the product's statement deadlines. */
type Loader = { db: Db; pg: pg.Client | null };

async function seed({ db, pg }: Loader, from: number, to: number): Promise<void> {
  const statements = seedSql(db.provider);
  for (let start = from; start <= to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK - 1);
    if (pg) {
      await pg.query("BEGIN");
      for (const sql of statements) await pg.query(sql, [start, end]);
      await pg.query("COMMIT");
    } else {
      const c = db.sqlite!.connection;
      c.transaction(() => {
        for (const sql of statements) c.prepare(sql).run(start, end);
      })();
    }
  }
}

async function time(db: Db, query: (k: number) => string, messages: number): Promise<SearchTiming> {
  const ms: number[] = [];
  let hits = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    // Spread over the whole table, the same sequence at every size.
    const k = 1 + ((run * 7_919) % messages);
    const t = performance.now();
    const result = await search(db, query(k)).catch((err: unknown) => {
      throw new Error(`search "${query(k)}" failed at ${messages} messages: ${String(err)}`);
    });
    if (run >= WARM_UP) ms.push(performance.now() - t);
    hits = result.data.length;
  }
  return { p50Ms: median(ms), p95Ms: percentile(ms, 0.95), hits };
}

async function timeAll(db: Db, messages: number): Promise<Record<string, SearchTiming>> {
  const out: Record<string, SearchTiming> = {};
  for (const [name, query] of Object.entries(QUERIES)) {
    out[name] = await time(db, query, messages);
    if (out[name].hits === 0) throw new Error(`search "${query(1)}" found nothing at ${messages} messages`);
  }
  return out;
}

async function analyze({ db, pg }: Loader): Promise<void> {
  // What autovacuum does after a bulk load, done now so the plans are the ones a running
  // database would choose, and the GIN indexes' pending lists (read in full by every search
  // until they are merged) are merged as they would be.
  if (pg) await pg.query("VACUUM ANALYZE");
  else db.sqlite!.connection.exec("ANALYZE");
}

/**
 * The search box at `small` and at `large` deliveries (a database the bench fills with
 * messages, two deliveries each, and the inbound events they came from): p50 and p95 per
 * kind of query. The ratio large/small shows whether a search reads the table or an index.
 */
export async function measureSearch(db: Db, databaseUrl: string, small: number, large: number, log: (line: string) => void): Promise<SearchFigures> {
  const loader: Loader = { db, pg: db.pgPool ? new pg.Client({ connectionString: databaseUrl }) : null };
  await loader.pg?.connect();
  try {
    return await measure(loader, small, large, log);
  } finally {
    await loader.pg?.end();
  }
}

async function measure(loader: Loader, small: number, large: number, log: (line: string) => void): Promise<SearchFigures> {
  const { db } = loader;
  const endpoints = await db.prisma.endpoint.count();
  for (let n = endpoints; n < DELIVERIES_PER_MESSAGE; n++) await db.prisma.endpoint.create({ data: { url: `http://127.0.0.1:9/search-bench-${n}`, secret: "whsec_c2VhcmNoLWJlbmNoLXNlY3JldC0wMTIzNDU2Nzg5" } });
  const index = searchSqlFor(db);
  const smallMessages = small / DELIVERIES_PER_MESSAGE;
  const largeMessages = large / DELIVERIES_PER_MESSAGE;

  await seed(loader, 1, smallMessages);
  await index.catchUp(Number.MAX_SAFE_INTEGER);
  await analyze(loader);
  const atSmall = await timeAll(db, smallMessages);

  const seedStart = performance.now();
  await seed(loader, smallMessages + 1, largeMessages);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  log(`  seeded ${large.toLocaleString("en")} deliveries in ${seedSeconds.toFixed(0)} s`);
  const indexStart = performance.now();
  const indexed = await index.catchUp(Number.MAX_SAFE_INTEGER);
  const indexUsPerRow = indexed > 0 ? ((performance.now() - indexStart) * 1000) / indexed : null;
  await analyze(loader);
  const atLarge = await timeAll(db, largeMessages);

  const queries: SearchFigures["queries"] = {};
  for (const name of Object.keys(QUERIES)) queries[name] = [atSmall[name], atLarge[name]];
  return { sizes: [small, large], queries, seedSeconds, indexUsPerRow };
}
