import type { Db } from "./client";

/**
 * The raw SQL Prisma cannot express for the dashboard, one statement per provider, all in
 * this module (the hot paths' statements are in ./hot-path).
 * Times are passed as epoch milliseconds: SQLite stores them that way (the client's
 * timestampFormat), and PostgreSQL converts them with to_timestamp.
 */

export interface OutcomeBucket {
  bucket: number;
  outcome: string;
  count: number;
}

/** Attempts since `since`, counted per time bucket and outcome (bucket = start, epoch ms). */
export async function attemptOutcomesByBucket(db: Db, since: number, bucketMs: number): Promise<OutcomeBucket[]> {
  const rows =
    db.provider === "postgresql"
      ? await db.prisma.$queryRawUnsafe<{ bucket: unknown; outcome: string; count: unknown }[]>(
          `SELECT (floor(extract(epoch FROM "startedAt") * 1000 / $2) * $2)::bigint AS bucket, "outcome", count(*)::int AS count
           FROM "DeliveryAttempt" WHERE "startedAt" >= to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC'
           GROUP BY 1, 2 ORDER BY 1`,
          since,
          bucketMs,
        )
      : await db.prisma.$queryRawUnsafe<{ bucket: unknown; outcome: string; count: unknown }[]>(
          `SELECT CAST("startedAt" / ? AS INTEGER) * ? AS bucket, "outcome", count(*) AS count
           FROM "DeliveryAttempt" WHERE "startedAt" >= ? GROUP BY 1, 2 ORDER BY 1`,
          bucketMs,
          bucketMs,
          since,
        );
  return rows.map((r) => ({ bucket: Number(r.bucket), outcome: r.outcome, count: Number(r.count) }));
}

/** The p-th percentile (0..1) of end-to-end delivery latency (created → succeeded) since `since`, in ms. */
export async function deliveryLatencyPercentile(db: Db, since: number, p: number): Promise<number | null> {
  const rows =
    db.provider === "postgresql"
      ? await db.prisma.$queryRawUnsafe<{ v: unknown }[]>(
          `SELECT percentile_disc($2) WITHIN GROUP (ORDER BY extract(epoch FROM ("completedAt" - "createdAt")) * 1000) AS v
           FROM "Delivery" WHERE "status" = 'succeeded' AND "completedAt" >= to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC'`,
          since,
          p,
        )
      : await db.prisma.$queryRawUnsafe<{ v: unknown }[]>(
          `WITH l AS (SELECT "completedAt" - "createdAt" AS v FROM "Delivery" WHERE "status" = 'succeeded' AND "completedAt" >= ?)
           SELECT v FROM l ORDER BY v LIMIT 1 OFFSET (SELECT max(0, CAST(ceil(count(*) * ?) AS INTEGER) - 1) FROM l)`,
          since,
          p,
        );
  const v = rows[0]?.v;
  return v === null || v === undefined ? null : Math.round(Number(v));
}
