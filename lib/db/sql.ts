import type { Db } from "./client";

/**
 * The raw SQL Prisma cannot express, one statement per provider, all in this module.
 * Times are passed as epoch milliseconds: SQLite stores them that way (the client's
 * timestampFormat), and PostgreSQL converts them with to_timestamp.
 */

export interface ClaimedRow {
  id: string;
}

// The due work is read as two index-ordered scans, each stopped by its LIMIT: expired
// leases first (work a dead worker held), then pending deliveries by due time. One scan
// with an OR would read and sort every due row, so a backlog would make each claim slower.
const SQLITE_CLAIM = `
UPDATE "Delivery"
SET "status" = 'in_flight', "leaseOwner" = @owner, "leaseExpiresAt" = @leaseUntil, "updatedAt" = @now
WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id" FROM "Delivery" WHERE "status" = 'in_flight' AND "leaseExpiresAt" <= @now ORDER BY "leaseExpiresAt" LIMIT @limit
  )
  UNION ALL
  SELECT "id" FROM (
    SELECT "id" FROM "Delivery" WHERE "status" = 'pending' AND "nextAttemptAt" <= @now ORDER BY "nextAttemptAt" LIMIT @limit
  )
  LIMIT @limit
)
RETURNING "id"`;

// SKIP LOCKED lets several workers claim side by side without waiting on, or taking, each other's rows.
const POSTGRES_CLAIM = `
WITH expired AS (
  SELECT "id" FROM "Delivery"
  WHERE "status" = 'in_flight' AND "leaseExpiresAt" <= to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC'
  ORDER BY "leaseExpiresAt" LIMIT $4
  FOR UPDATE SKIP LOCKED
), pending AS (
  SELECT "id" FROM "Delivery"
  WHERE "status" = 'pending' AND "nextAttemptAt" <= to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC'
  ORDER BY "nextAttemptAt" LIMIT $4
  FOR UPDATE SKIP LOCKED
), due AS (
  SELECT "id" FROM expired UNION ALL SELECT "id" FROM pending LIMIT $4
)
UPDATE "Delivery" AS d
SET "status" = 'in_flight', "leaseOwner" = $1,
    "leaseExpiresAt" = to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC',
    "updatedAt" = to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC'
FROM due WHERE d."id" = due."id"
RETURNING d."id"`;

const CLAIM_PARAMS = ["owner", "leaseUntil", "now", "limit"] as const;
type ClaimParams = Record<(typeof CLAIM_PARAMS)[number], string | number>;

/**
 * The claim statement and its positional arguments for a provider (times in epoch ms).
 * SQLite's text names its parameters for reading; they are bound in order of appearance.
 */
export function claimStatement(provider: Db["provider"], p: ClaimParams): { sql: string; args: (string | number)[] } {
  if (provider === "postgresql") return { sql: POSTGRES_CLAIM, args: CLAIM_PARAMS.map((k) => p[k]) };
  const names = [...SQLITE_CLAIM.matchAll(/@(\w+)/g)].map((m) => m[1] as keyof ClaimParams);
  return { sql: SQLITE_CLAIM.replace(/@\w+/g, "?"), args: names.map((k) => p[k]) };
}

/**
 * Takes up to `limit` due deliveries for `owner` until `leaseUntil`: in-flight ones whose
 * lease ran out (their worker died), then pending ones whose time has come.
 */
export async function claimDueDeliveries(db: Db, owner: string, now: number, leaseUntil: number, limit: number): Promise<string[]> {
  const { sql, args } = claimStatement(db.provider, { owner, leaseUntil, now, limit });
  const rows = await db.prisma.$queryRawUnsafe<ClaimedRow[]>(sql, ...args);
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
