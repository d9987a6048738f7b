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
