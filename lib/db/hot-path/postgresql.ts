import type pg from "pg";
import { newId } from "../ids";
import { claimedFromRow } from "./rows";
import type { AcceptInput, AcceptResult, AttemptWrite, ClaimedDelivery, ClaimInput, EndpointRoute, HotPathSql } from "./types";

// Times cross as epoch milliseconds: written through `ts`, read through `ms`. The columns
// are timestamp(3) without time zone holding UTC, as Prisma writes them.
const ts = (n: number) => `(to_timestamp($${n}::float8 / 1000) AT TIME ZONE 'UTC')`;
const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::float8`;

// All an event's deliveries depend on of the endpoints, as one value. The accept compares it,
// in its own snapshot, with the value its routes were read with: routes read once serve
// every event until an endpoint is added, removed, disabled or given other event types,
// here or through another instance, and each event is still routed as of its own commit.
const ROUTES_FINGERPRINT = `(SELECT md5(coalesce(json_agg(json_build_array("id", "eventTypes", "enabled") ORDER BY "id")::text, '')) FROM "Endpoint")`;

const ROUTES = `SELECT f."fingerprint", e."id", e."eventTypes", e."enabled" FROM (SELECT ${ROUTES_FINGERPRINT} AS "fingerprint") f LEFT JOIN "Endpoint" e ON true`;

/** Times an accept may find the endpoints changed since it read them before it gives up. */
const MAX_STALE_ROUTES = 3;

// One statement, so one commit: the event with its final answer, its message and its
// deliveries; or, for a duplicate of a finished live record, the count and the stored answer;
// or, when the endpoints changed since the caller read them ($18), nothing but 'stale'.
// Foreign keys are checked at the end of the statement, so the event may name its message first.
const ACCEPT = `
WITH fresh AS (
  SELECT 1 WHERE ${ROUTES_FINGERPRINT} = $18
), ev AS (
  INSERT INTO "InboundEvent" ("id", "sourceId", "idempotencyKey", "keySource", "eventType", "payload", "headers", "status",
    "resultStatus", "resultBody", "runs", "providerAttempt", "duplicateCount", "receivedAt", "processedAt", "expiresAt", "messageId")
  SELECT $1, $2, $3, $4, $5, $6, $7, 'processed', 200, $8, 1, $9::int, 0, ${ts(10)}, ${ts(10)}, ${ts(11)}, $12 FROM fresh
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
SELECT 'replay', "id", "resultStatus", "resultBody", "expiresAt", 0 FROM dup
UNION ALL
SELECT 'stale', NULL, NULL, NULL, NULL, 0 WHERE NOT EXISTS (SELECT 1 FROM fresh) AND NOT EXISTS (SELECT 1 FROM dup)`;

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

// Claim and load in one statement: the claimed rows with their message, endpoint and policy.
// Each is looked up by key per claimed row: OFFSET 0 keeps the planner from turning a lookup
// into a join. The claim's session runs a generic plan, which cannot know how few rows $4
// lets through: as joins, it hashed every endpoint and, where messages are small, every
// message, so each claim read all of them (twice as slow with 20k small messages stored).
const CLAIM = `
WITH ${CLAIM_IDS}
SELECT c."id", c."attemptCount", c."deadLetterId",
  (SELECT a."delayMs" FROM "DeliveryAttempt" a WHERE a."deliveryId" = c."id" ORDER BY a."number" DESC LIMIT 1) AS "previousDelayMs",
  m."id" AS "messageId", m."eventType", m."payload", m."sourceHeaders",
  e."id" AS "endpointId", e."url", e."secret", e."previousSecret", ${ms('e."previousSecretExpiresAt"')} AS "previousSecretExpiresAt",
  e."enabled", e."disabledReason", ${ms('e."failingSince"')} AS "failingSince", e."rateLimitPerSecond", e."maxConcurrency",
  p."id" AS "policyId", p."maxAttempts", p."initialDelayMs", p."maxDelayMs", p."exponentialBase", p."jitter", p."jitterMode", p."timeoutMs"
FROM claimed c
CROSS JOIN LATERAL (SELECT * FROM "Message" WHERE "id" = c."messageId" OFFSET 0) m
CROSS JOIN LATERAL (SELECT * FROM "Endpoint" WHERE "id" = c."endpointId" OFFSET 0) e
LEFT JOIN LATERAL (SELECT * FROM "RetryPolicy" WHERE "id" = e."policyId" OFFSET 0) p ON true`;

/** The worker's claim as it runs, for EXPLAIN: what it reads beyond its batch decides its cost. */
export function claimStatement(input: ClaimInput): { sql: string; args: unknown[] } {
  return { sql: CLAIM, args: claimArgs(input) };
}

// A whole batch of finished attempts is one statement, so one round trip and one commit:
// the attempts arrive as parallel arrays (one element per attempt, `i` its place in the
// batch), and every write is chained on the fenced update, so an attempt whose worker no
// longer held the lease writes nothing. The final SELECT names the attempts that held.
const tsOf = (expr: string) => `(to_timestamp(${expr} / 1000) AT TIME ZONE 'UTC')`;

/** The batch's columns, in the order of their parameters. */
const RECORD_COLUMNS = [
  ["deliveryId", "text"], ["workerId", "text"], ["status", "text"], ["attemptCount", "int"], ["nextAttemptAt", "float8"],
  ["lastStatusCode", "int"], ["lastError", "text"], ["completedAt", "float8"], ["now", "float8"], ["policy", "text"],
  ["attemptId", "text"], ["startedAt", "float8"], ["durationMs", "int"], ["statusCode", "int"], ["error", "text"],
  ["responseBody", "text"], ["outcome", "text"], ["delayMs", "int"], ["requestHeaders", "text"], ["responseHeaders", "text"],
  ["letterId", "text"], ["newLetterId", "text"], ["reprocessedLetterId", "text"], ["letterEndpointId", "text"], ["url", "text"],
  ["eventType", "text"], ["payload", "text"], ["reason", "text"], ["errorDetails", "text"], ["letterAttempts", "int"],
  ["settlesLetterId", "text"], ["health", "text"], ["healthEndpointId", "text"], ["disableReason", "text"],
] as const;

type RecordColumn = (typeof RECORD_COLUMNS)[number][0];

function recordRow(w: AttemptWrite): Record<RecordColumn, unknown> {
  const a = w.attempt;
  const l = w.deadLetter;
  return {
    deliveryId: w.deliveryId, workerId: w.workerId, status: w.status, attemptCount: w.attemptCount, nextAttemptAt: w.nextAttemptAt,
    lastStatusCode: w.lastStatusCode, lastError: w.lastError, completedAt: w.completedAt, now: w.now, policy: w.policy,
    attemptId: a.id, startedAt: a.startedAt, durationMs: a.durationMs, statusCode: a.statusCode, error: a.error,
    responseBody: a.responseBody, outcome: a.outcome, delayMs: a.delayMs, requestHeaders: a.requestHeaders, responseHeaders: a.responseHeaders,
    letterId: l ? (l.reprocessedLetterId ?? l.newId) : null, newLetterId: l && !l.reprocessedLetterId ? l.newId : null,
    reprocessedLetterId: l?.reprocessedLetterId ?? null, letterEndpointId: l?.endpointId ?? null, url: l?.url ?? null,
    eventType: l?.eventType ?? null, payload: l?.payload ?? null, reason: l?.reason ?? null, errorDetails: l?.errorDetails ?? null,
    letterAttempts: l?.attempts ?? null,
    settlesLetterId: w.settlesLetterId, health: w.health?.kind ?? null, healthEndpointId: w.health?.endpointId ?? null,
    disableReason: w.health?.kind === "disable" ? w.health.reason : null,
  };
}

/** One array parameter per column, each attempt's value at its place in the batch. */
export function recordArgs(writes: readonly AttemptWrite[]): unknown[][] {
  const rows = writes.map(recordRow);
  return RECORD_COLUMNS.map(([name]) => rows.map((r) => r[name]));
}

const RECORD = `
WITH w AS (
  SELECT * FROM unnest(${RECORD_COLUMNS.map(([, type], k) => `$${k + 1}::${type}[]`).join(", ")})
    WITH ORDINALITY AS w(${RECORD_COLUMNS.map(([name]) => `"${name}"`).join(", ")}, "i")
), fin AS (
  UPDATE "Delivery" AS d SET "status" = w."status", "attemptCount" = w."attemptCount",
    "nextAttemptAt" = coalesce(${tsOf('w."nextAttemptAt"')}, d."nextAttemptAt"), "leaseOwner" = NULL, "leaseExpiresAt" = NULL,
    "lastStatusCode" = w."lastStatusCode", "lastError" = w."lastError", "completedAt" = ${tsOf('w."completedAt"')},
    "updatedAt" = ${tsOf('w."now"')}, "deadLetterId" = coalesce(w."letterId", d."deadLetterId"), "policy" = w."policy"
  FROM w WHERE d."id" = w."deliveryId" AND d."status" = 'in_flight' AND d."leaseOwner" = w."workerId"
  RETURNING w."i"
), held AS (
  -- A delivery twice in one batch is updated once (one statement cannot change a row twice): only that write held.
  SELECT w.* FROM w JOIN fin ON fin."i" = w."i"
), att AS (
  INSERT INTO "DeliveryAttempt" ("id", "deliveryId", "number", "startedAt", "durationMs", "statusCode", "error", "responseBody", "outcome", "delayMs", "workerId",
    "requestHeaders", "responseHeaders")
  SELECT "attemptId", "deliveryId", "attemptCount", ${tsOf('"startedAt"')}, "durationMs", "statusCode", "error", "responseBody", "outcome", "delayMs", "workerId",
    "requestHeaders", "responseHeaders"
  FROM held
), newletter AS (
  INSERT INTO "DeadLetter" ("id", "deliveryId", "lastDeliveryId", "endpointId", "url", "eventType", "payload", "reason", "errorDetails",
    "attempts", "failedAt", "status", "reprocessCount", "createdAt", "updatedAt")
  SELECT "newLetterId", "deliveryId", "deliveryId", "letterEndpointId", "url", "eventType", "payload", "reason", "errorDetails",
    "letterAttempts", ${tsOf('"now"')}, 'pending', 0, ${tsOf('"now"')}, ${tsOf('"now"')}
  FROM held WHERE "newLetterId" IS NOT NULL
), reopened AS (
  UPDATE "DeadLetter" AS l SET "status" = 'pending', "reason" = h."reason", "errorDetails" = h."errorDetails", "attempts" = l."attempts" + h."letterAttempts",
    "failedAt" = ${tsOf('h."now"')}, "lastDeliveryId" = h."deliveryId", "url" = h."url", "updatedAt" = ${tsOf('h."now"')}
  FROM held h WHERE l."id" = h."reprocessedLetterId"
), settled AS (
  UPDATE "DeadLetter" AS l SET "status" = 'reprocessed', "reprocessedAt" = ${tsOf('h."now"')}, "lastDeliveryId" = h."deliveryId", "updatedAt" = ${tsOf('h."now"')}
  FROM held h WHERE l."id" = h."settlesLetterId"
), health_ops AS (
  SELECT "healthEndpointId", "health", "i", "now", "disableReason",
    max("i") FILTER (WHERE "health" = 'recovered') OVER (PARTITION BY "healthEndpointId") AS "lastRecovered"
  FROM held WHERE "health" IS NOT NULL
), health_net AS (
  -- What the batch's changes to one endpoint come to when applied in order, since one
  -- statement can change the endpoint once: the last recovery clears the failing mark, the
  -- first failure after it sets it; the first disable wins.
  SELECT "healthEndpointId" AS "id",
    bool_or("lastRecovered" IS NOT NULL) AS "recovered",
    (array_agg("now" ORDER BY "i") FILTER (WHERE "health" = 'failing' AND "i" > coalesce("lastRecovered", 0)))[1] AS "failingAt",
    (array_agg("now" ORDER BY "i") FILTER (WHERE "health" = 'disable'))[1] AS "disableAt",
    (array_agg("disableReason" ORDER BY "i") FILTER (WHERE "health" = 'disable'))[1] AS "disableReason",
    max("now") AS "lastAt"
  FROM health_ops GROUP BY "healthEndpointId"
), health AS (
  UPDATE "Endpoint" AS e SET
    "failingSince" = CASE
      WHEN h."failingAt" IS NOT NULL AND h."recovered" THEN ${tsOf('h."failingAt"')}
      WHEN h."failingAt" IS NOT NULL THEN coalesce(e."failingSince", ${tsOf('h."failingAt"')})
      WHEN h."recovered" THEN NULL
      ELSE e."failingSince" END,
    "enabled" = e."enabled" AND h."disableAt" IS NULL,
    "disabledAt" = CASE WHEN e."enabled" AND h."disableAt" IS NOT NULL THEN ${tsOf('h."disableAt"')} ELSE e."disabledAt" END,
    "disabledReason" = CASE WHEN e."enabled" AND h."disableAt" IS NOT NULL THEN h."disableReason" ELSE e."disabledReason" END,
    "updatedAt" = ${tsOf('h."lastAt"')}
  FROM health_net h
  WHERE e."id" = h."id" AND (
    (e."enabled" AND h."disableAt" IS NOT NULL)
    OR (h."failingAt" IS NOT NULL AND (h."recovered" OR e."failingSince" IS NULL))
    OR (h."recovered" AND h."failingAt" IS NULL AND e."failingSince" IS NOT NULL))
)
SELECT "i" FROM fin`;

const RELEASE = `
UPDATE "Delivery" SET "status" = 'pending', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "nextAttemptAt" = ${ts(1)}, "updatedAt" = ${ts(2)}
WHERE "id" = $3 AND "status" = 'in_flight' AND "leaseOwner" = $4`;

const HOLD = `
UPDATE "Delivery" SET "status" = 'held', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${ts(1)}
WHERE "id" = $2 AND "status" = 'in_flight' AND "leaseOwner" = $3`;

const NEXT_DUE = `SELECT ${ms('"nextAttemptAt"')} AS "at" FROM "Delivery" WHERE "status" = 'pending' ORDER BY "nextAttemptAt" LIMIT 1`;

/**
 * The hot paths on the pool Prisma shares (pg-pool.ts: its connect and statement deadlines,
 * its handling of dead connections), the claim on a connection of its own (client.ts).
 * Named statements are prepared once per connection.
 */
export function postgresHotPath(pool: pg.Pool, claimPool: pg.Pool): HotPathSql {
  const on =
    (p: pg.Pool) =>
    <R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) =>
      p.query<R>({ name: `hookrelay_${name}`, text, values });
  const query = on(pool);
  const claimQuery = on(claimPool);
  let routes: { fingerprint: string; list: EndpointRoute[] } | null = null;

  async function readRoutes(): Promise<{ fingerprint: string; list: EndpointRoute[] }> {
    const { rows } = await query<{ fingerprint: string; id: string | null; eventTypes: string; enabled: boolean }>("routes", ROUTES, []);
    return { fingerprint: rows[0].fingerprint, list: rows.flatMap((r) => (r.id === null ? [] : [{ id: r.id, eventTypes: r.eventTypes, enabled: r.enabled }])) };
  }

  async function recordAttempts(writes: readonly AttemptWrite[]): Promise<boolean[]> {
    if (writes.length === 0) return [];
    const r = await query<{ i: string }>("record_batch", RECORD, recordArgs(writes));
    const held = writes.map(() => false);
    for (const row of r.rows) held[Number(row.i) - 1] = true;
    return held;
  }

  return {
    async accept(input: AcceptInput): Promise<AcceptResult> {
      for (let stale = 0; ; stale++) {
        routes ??= await readRoutes();
        const targets = input.targets(routes.list);
        const r = await query<{ kind: string; id: string; resultStatus: number | null; resultBody: string; expiresAt: number }>("accept", ACCEPT, [
          input.eventId, input.sourceId, input.key, input.keySource, input.eventType, input.payload, input.headers,
          input.resultBody(targets.length), input.providerAttempt, input.now, input.expiresAt, input.messageId, input.messageType, input.sourceHeaders,
          targets.map(() => newId(input.now)), targets.map((t) => t.id), targets.map((t) => (t.enabled ? "pending" : "held")), routes.fingerprint,
        ]);
        const row = r.rows[0];
        if (!row) return { kind: "exists" };
        if (row.kind === "accepted") return { kind: "accepted" };
        if (row.kind === "replay") return { kind: "replay", answer: { id: row.id, resultStatus: row.resultStatus ?? 200, resultBody: row.resultBody, expiresAt: Number(row.expiresAt) } };
        if (stale + 1 >= MAX_STALE_ROUTES) throw new Error(`the endpoints changed ${MAX_STALE_ROUTES} times while the event was being stored`);
        routes = null;
      }
    },
    async claim(input: ClaimInput): Promise<ClaimedDelivery[]> {
      const { sql, args } = claimStatement(input);
      const r = await claimQuery("claim", sql, args);
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
