import type pg from "pg";
import { newId } from "../ids";
import { claimedFromRow } from "./rows";
import type { AcceptInput, AcceptResult, AttemptWrite, ClaimedDelivery, ClaimInput, EndpointRoute, HotPathSql } from "./types";

// Times cross as epoch milliseconds: written through `ts`, read through `ms`. The columns
// are timestamp(3) without time zone holding UTC, as Prisma writes them.
const ts = (n: number) => `(to_timestamp($${n}::float8 / 1000) AT TIME ZONE 'UTC')`;
const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::float8`;

const ROUTES = `SELECT "id", "eventTypes", "enabled" FROM "Endpoint"`;

// One statement, so one commit: the event with its final answer, its message and its
// deliveries; or, for a duplicate of a finished live record, the count and the stored answer.
// Foreign keys are checked at the end of the statement, so the event may name its message first.
const ACCEPT = `
WITH ev AS (
  INSERT INTO "InboundEvent" ("id", "sourceId", "idempotencyKey", "keySource", "eventType", "payload", "headers", "status",
    "resultStatus", "resultBody", "runs", "providerAttempt", "duplicateCount", "receivedAt", "processedAt", "expiresAt", "messageId")
  VALUES ($1, $2, $3, $4, $5, $6, $7, 'processed', 200, $8, 1, $9::int, 0, ${ts(10)}, ${ts(10)}, ${ts(11)}, $12)
  ON CONFLICT ("sourceId", "idempotencyKey") DO NOTHING
  RETURNING "id"
), msg AS (
  INSERT INTO "Message" ("id", "eventType", "payload", "idempotencyKey", "sourceHeaders", "createdAt")
  SELECT $12, $13, $6, 'inbound:' || ev."id", $14, ${ts(10)} FROM ev
  RETURNING "id"
), del AS (
  INSERT INTO "Delivery" ("id", "messageId", "endpointId", "status", "attemptCount", "nextAttemptAt", "createdAt", "updatedAt")
  SELECT t."id", msg."id", t."endpointId", t."status", 0, ${ts(10)}, ${ts(10)}, ${ts(10)}
  FROM msg, unnest($15::text[], $16::text[], $17::text[]) AS t("id", "endpointId", "status")
  RETURNING 1
), dup AS (
  UPDATE "InboundEvent" SET "duplicateCount" = "duplicateCount" + 1, "providerAttempt" = coalesce($9::int, "providerAttempt")
  WHERE "sourceId" = $2 AND "idempotencyKey" = $3 AND NOT EXISTS (SELECT 1 FROM ev)
    AND "status" IN ('processed', 'skipped') AND "expiresAt" > ${ts(10)}
  RETURNING "id", "resultStatus", "resultBody", ${ms('"expiresAt"')} AS "expiresAt"
)
SELECT 'accepted' AS "kind", NULL AS "id", NULL::int AS "resultStatus", NULL AS "resultBody", NULL::float8 AS "expiresAt", (SELECT count(*) FROM del) AS "deliveries" FROM ev
UNION ALL
SELECT 'replay', "id", "resultStatus", "resultBody", "expiresAt", 0 FROM dup`;

// Two index-ordered scans, each stopped by its LIMIT (expired leases first, then pending by
// due time); SKIP LOCKED lets several workers claim side by side without waiting on each other.
const CLAIM_IDS = `
  expired AS (
    SELECT "id" FROM "Delivery" WHERE "status" = 'in_flight' AND "leaseExpiresAt" <= ${ts(3)}
    ORDER BY "leaseExpiresAt" LIMIT $4 FOR UPDATE SKIP LOCKED
  ), pending AS (
    SELECT "id" FROM "Delivery" WHERE "status" = 'pending' AND "nextAttemptAt" <= ${ts(3)}
    ORDER BY "nextAttemptAt" LIMIT $4 FOR UPDATE SKIP LOCKED
  ), due AS (
    SELECT "id" FROM expired UNION ALL SELECT "id" FROM pending LIMIT $4
  ), claimed AS (
    UPDATE "Delivery" AS d SET "status" = 'in_flight', "leaseOwner" = $1, "leaseExpiresAt" = ${ts(2)}, "updatedAt" = ${ts(3)}
    FROM due WHERE d."id" = due."id"
    RETURNING d."id", d."attemptCount", d."deadLetterId", d."messageId", d."endpointId"
  )`;

const claimArgs = (input: ClaimInput) => [input.owner, input.leaseUntil, input.now, input.limit];

/** The claim alone, for EXPLAIN: what it reads of the backlog decides its cost. */
export function claimIdsStatement(input: ClaimInput): { sql: string; args: unknown[] } {
  return { sql: `WITH ${CLAIM_IDS} SELECT "id" FROM claimed`, args: claimArgs(input) };
}

// Claim and load in one statement: the claimed rows with their message, endpoint and policy.
const CLAIM = `
WITH ${CLAIM_IDS}
SELECT c."id", c."attemptCount", c."deadLetterId",
  (SELECT a."delayMs" FROM "DeliveryAttempt" a WHERE a."deliveryId" = c."id" ORDER BY a."number" DESC LIMIT 1) AS "previousDelayMs",
  m."id" AS "messageId", m."eventType", m."payload", m."sourceHeaders",
  e."id" AS "endpointId", e."url", e."secret", e."previousSecret", ${ms('e."previousSecretExpiresAt"')} AS "previousSecretExpiresAt",
  e."enabled", e."disabledReason", ${ms('e."failingSince"')} AS "failingSince", e."rateLimitPerSecond", e."maxConcurrency",
  p."id" AS "policyId", p."maxAttempts", p."initialDelayMs", p."maxDelayMs", p."exponentialBase", p."jitter", p."jitterMode", p."timeoutMs"
FROM claimed c
JOIN "Message" m ON m."id" = c."messageId"
JOIN "Endpoint" e ON e."id" = c."endpointId"
LEFT JOIN "RetryPolicy" p ON p."id" = e."policyId"`;

// Each finished attempt is one statement, its writes chained as data-modifying CTEs that
// run only when the fenced update matched (the worker still held the lease).
const RECORD = `
WITH fin AS (
  UPDATE "Delivery" SET "status" = $3, "attemptCount" = $4, "nextAttemptAt" = coalesce(${ts(5)}, "nextAttemptAt"),
    "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "lastStatusCode" = $6::int, "lastError" = $7,
    "completedAt" = ${ts(8)}, "updatedAt" = ${ts(9)}, "deadLetterId" = coalesce($24, "deadLetterId"), "policy" = $31
  WHERE "id" = $1 AND "status" = 'in_flight' AND "leaseOwner" = $2
  RETURNING "id"
), att AS (
  INSERT INTO "DeliveryAttempt" ("id", "deliveryId", "number", "startedAt", "durationMs", "statusCode", "error", "responseBody", "outcome", "delayMs", "workerId",
    "requestHeaders", "responseHeaders")
  SELECT $10, fin."id", $4, ${ts(11)}, $12::int, $6::int, $13, $14, $15, $16::int, $2, $32, $33 FROM fin
), newletter AS (
  INSERT INTO "DeadLetter" ("id", "deliveryId", "lastDeliveryId", "endpointId", "url", "eventType", "payload", "reason", "errorDetails",
    "attempts", "failedAt", "status", "reprocessCount", "createdAt", "updatedAt")
  SELECT $17, fin."id", fin."id", $18, $19, $20, $21, $22, $23, $25::int, ${ts(9)}, 'pending', 0, ${ts(9)}, ${ts(9)}
  FROM fin WHERE $17::text IS NOT NULL AND $26::text IS NULL
), reopened AS (
  UPDATE "DeadLetter" SET "status" = 'pending', "reason" = $22, "errorDetails" = $23, "attempts" = "attempts" + $25::int,
    "failedAt" = ${ts(9)}, "lastDeliveryId" = $1, "url" = $19, "updatedAt" = ${ts(9)}
  WHERE "id" = $26 AND EXISTS (SELECT 1 FROM fin)
), settled AS (
  UPDATE "DeadLetter" SET "status" = 'reprocessed', "reprocessedAt" = ${ts(9)}, "lastDeliveryId" = $1, "updatedAt" = ${ts(9)}
  WHERE "id" = $27 AND EXISTS (SELECT 1 FROM fin)
), health AS (
  UPDATE "Endpoint" SET
    "failingSince" = CASE $28 WHEN 'recovered' THEN NULL WHEN 'failing' THEN ${ts(9)} ELSE "failingSince" END,
    "enabled" = CASE $28 WHEN 'disable' THEN false ELSE "enabled" END,
    "disabledAt" = CASE $28 WHEN 'disable' THEN ${ts(9)} ELSE "disabledAt" END,
    "disabledReason" = CASE $28 WHEN 'disable' THEN $30 ELSE "disabledReason" END,
    "updatedAt" = ${ts(9)}
  WHERE "id" = $29 AND EXISTS (SELECT 1 FROM fin) AND CASE $28
    WHEN 'recovered' THEN "failingSince" IS NOT NULL
    WHEN 'failing' THEN "failingSince" IS NULL
    WHEN 'disable' THEN "enabled"
    ELSE false END
)
SELECT count(*)::int AS "held" FROM fin`;

function recordArgs(w: AttemptWrite): unknown[] {
  const a = w.attempt;
  const l = w.deadLetter;
  const letterId = l ? (l.reprocessedLetterId ?? l.newId) : null;
  return [
    w.deliveryId, w.workerId, w.status, w.attemptCount, w.nextAttemptAt, w.lastStatusCode, w.lastError, w.completedAt, w.now,
    a.id, a.startedAt, a.durationMs, a.error, a.responseBody, a.outcome, a.delayMs,
    l?.newId ?? null, l?.endpointId ?? null, l?.url ?? null, l?.eventType ?? null, l?.payload ?? null, l?.reason ?? null, l?.errorDetails ?? null,
    letterId, l?.attempts ?? null, l?.reprocessedLetterId ?? null,
    w.settlesLetterId, w.health?.kind ?? null, w.health?.endpointId ?? null, w.health?.kind === "disable" ? w.health.reason : null,
    w.policy,
    a.requestHeaders, a.responseHeaders,
  ];
}

const RELEASE = `
UPDATE "Delivery" SET "status" = 'pending', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "nextAttemptAt" = ${ts(1)}, "updatedAt" = ${ts(2)}
WHERE "id" = $3 AND "status" = 'in_flight' AND "leaseOwner" = $4`;

const HOLD = `
UPDATE "Delivery" SET "status" = 'held', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${ts(1)}
WHERE "id" = $2 AND "status" = 'in_flight' AND "leaseOwner" = $3`;

const NEXT_DUE = `SELECT ${ms('"nextAttemptAt"')} AS "at" FROM "Delivery" WHERE "status" = 'pending' ORDER BY "nextAttemptAt" LIMIT 1`;

/**
 * The hot paths on the pool Prisma shares (pg-pool.ts: its connect and statement deadlines,
 * its handling of dead connections). Named statements are prepared once per connection.
 */
export function postgresHotPath(pool: pg.Pool): HotPathSql {
  const query = <R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) => pool.query<R>({ name: `hookrelay_${name}`, text, values });

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let failed: unknown;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      failed = err;
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release(failed instanceof Error ? failed : undefined);
    }
  }

  async function recordAttempts(writes: readonly AttemptWrite[]): Promise<boolean[]> {
    return inTransaction(async (client) => {
      const held: boolean[] = [];
      for (const w of writes) {
        const r = await client.query<{ held: number }>({ name: "hookrelay_record", text: RECORD, values: recordArgs(w) });
        held.push(r.rows[0].held === 1);
      }
      return held;
    });
  }

  return {
    async accept(input: AcceptInput): Promise<AcceptResult> {
      const routes = (await query<EndpointRoute>("routes", ROUTES, [])).rows;
      const targets = input.targets(routes);
      const r = await query<{ kind: string; id: string; resultStatus: number | null; resultBody: string; expiresAt: number }>("accept", ACCEPT, [
        input.eventId, input.sourceId, input.key, input.keySource, input.eventType, input.payload, input.headers,
        input.resultBody(targets.length), input.providerAttempt, input.now, input.expiresAt, input.messageId, input.messageType, input.sourceHeaders,
        targets.map(() => newId(input.now)), targets.map((t) => t.id), targets.map((t) => (t.enabled ? "pending" : "held")),
      ]);
      const row = r.rows[0];
      if (!row) return { kind: "exists" };
      if (row.kind === "accepted") return { kind: "accepted" };
      return { kind: "replay", answer: { id: row.id, resultStatus: row.resultStatus ?? 200, resultBody: row.resultBody, expiresAt: Number(row.expiresAt) } };
    },
    async claim(input: ClaimInput): Promise<ClaimedDelivery[]> {
      const r = await query("claim", CLAIM, claimArgs(input));
      return r.rows.map(claimedFromRow);
    },
    recordAttempts,
    async hold(deliveryId, owner, now) {
      await query("hold", HOLD, [now, deliveryId, owner]);
    },
    async release(deliveryId, owner, dueAt, now) {
      await query("release", RELEASE, [dueAt, now, deliveryId, owner]);
    },
    async nextDueAt() {
      const r = await query<{ at: number }>("next_due", NEXT_DUE, []);
      return r.rows[0] ? Number(r.rows[0].at) : null;
    },
  };
}
