import type { Db } from "./client";

/**
 * The raw SQL Prisma cannot express, one statement per provider, all in this module.
 * Times are passed as epoch milliseconds: SQLite stores them that way (the client's
 * timestampFormat), and PostgreSQL converts them with to_timestamp.
 */

export interface ClaimedRow {
  id: string;
}

const SQLITE_CLAIM = `
UPDATE "Delivery"
SET "status" = 'in_flight', "leaseOwner" = ?, "leaseExpiresAt" = ?, "updatedAt" = ?
WHERE "id" IN (
  SELECT "id" FROM "Delivery"
  WHERE ("status" = 'pending' AND "nextAttemptAt" <= ?)
     OR ("status" = 'in_flight' AND "leaseExpiresAt" <= ?)
  ORDER BY "nextAttemptAt"
  LIMIT ?
)
RETURNING "id"`;

// SKIP LOCKED lets several workers claim side by side without waiting on, or taking, each other's rows.
const POSTGRES_CLAIM = `
WITH due AS (
  SELECT "id" FROM "Delivery"
  WHERE ("status" = 'pending' AND "nextAttemptAt" <= to_timestamp($4::float8 / 1000) AT TIME ZONE 'UTC')
     OR ("status" = 'in_flight' AND "leaseExpiresAt" <= to_timestamp($4::float8 / 1000) AT TIME ZONE 'UTC')
  ORDER BY "nextAttemptAt"
  LIMIT $5
  FOR UPDATE SKIP LOCKED
)
UPDATE "Delivery" AS d
SET "status" = 'in_flight', "leaseOwner" = $1,
    "leaseExpiresAt" = to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC',
    "updatedAt" = to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC'
FROM due WHERE d."id" = due."id"
RETURNING d."id"`;

/**
 * Takes up to `limit` due deliveries for `owner` until `leaseUntil`: pending ones whose
 * time has come, and in-flight ones whose lease ran out (their worker died).
 */
export async function claimDueDeliveries(db: Db, owner: string, now: number, leaseUntil: number, limit: number): Promise<string[]> {
  const rows =
    db.provider === "postgresql"
      ? await db.prisma.$queryRawUnsafe<ClaimedRow[]>(POSTGRES_CLAIM, owner, leaseUntil, now, now, limit)
      : await db.prisma.$queryRawUnsafe<ClaimedRow[]>(SQLITE_CLAIM, owner, leaseUntil, now, now, now, limit);
  return rows.map((r) => r.id);
}

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
