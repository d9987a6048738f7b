import type Database from "better-sqlite3";
import { newId } from "../ids";
import type { SqliteGate } from "../sqlite-gate";
import { claimedFromRow } from "./rows";
import type { AcceptInput, AcceptResult, AttemptWrite, ClaimedDelivery, ClaimInput, HotPathSql } from "./types";

// Times are epoch milliseconds, as Prisma stores them here (timestampFormat unixepoch-ms).

const INSERT_EVENT = `
INSERT INTO "InboundEvent" ("id", "sourceId", "idempotencyKey", "keySource", "eventType", "payload", "headers", "status",
  "resultStatus", "resultBody", "runs", "providerAttempt", "duplicateCount", "receivedAt", "processedAt", "expiresAt")
VALUES (@eventId, @sourceId, @key, @keySource, @eventType, @payload, @headers, 'processed', 200, @resultBody, 1, @providerAttempt, 0, @now, @now, @expiresAt)
ON CONFLICT ("sourceId", "idempotencyKey") DO NOTHING`;

const INSERT_MESSAGE = `
INSERT INTO "Message" ("id", "eventType", "payload", "idempotencyKey", "sourceHeaders", "createdAt")
VALUES (@messageId, @messageType, @payload, 'inbound:' || @eventId, @sourceHeaders, @now)`;

const LINK_MESSAGE = `UPDATE "InboundEvent" SET "messageId" = ? WHERE "id" = ?`;

const INSERT_DELIVERY = `
INSERT INTO "Delivery" ("id", "messageId", "endpointId", "status", "attemptCount", "nextAttemptAt", "createdAt", "updatedAt")
VALUES (?, ?, ?, ?, 0, ?, ?, ?)`;

// A duplicate of a finished, live record counts itself and takes the stored answer in one statement.
const COUNT_DUPLICATE = `
UPDATE "InboundEvent" SET "duplicateCount" = "duplicateCount" + 1, "providerAttempt" = coalesce(@providerAttempt, "providerAttempt")
WHERE "sourceId" = @sourceId AND "idempotencyKey" = @key AND "status" IN ('processed', 'skipped') AND "expiresAt" > @now
RETURNING "id", "resultStatus", "resultBody", "expiresAt"`;

const ROUTES = `SELECT "id", "eventTypes", "enabled" FROM "Endpoint"`;

// Two index-ordered scans, each stopped by its LIMIT: expired leases first (work a dead
// worker held), then pending deliveries by due time. One scan with an OR would read and
// sort every due row, so a backlog would make each claim slower.
export const CLAIM_SQL = `
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

const LOAD_CLAIMED = `
SELECT d."id", d."attemptCount", d."deadLetterId",
  (SELECT a."delayMs" FROM "DeliveryAttempt" a WHERE a."deliveryId" = d."id" ORDER BY a."number" DESC LIMIT 1) AS "previousDelayMs",
  m."id" AS "messageId", m."eventType", m."payload", m."sourceHeaders",
  e."id" AS "endpointId", e."url", e."secret", e."previousSecret", e."previousSecretExpiresAt", e."enabled", e."disabledReason",
  e."failingSince", e."rateLimitPerSecond", e."maxConcurrency",
  p."id" AS "policyId", p."maxAttempts", p."initialDelayMs", p."maxDelayMs", p."exponentialBase", p."jitter", p."jitterMode", p."timeoutMs"
FROM "Delivery" d
JOIN "Message" m ON m."id" = d."messageId"
JOIN "Endpoint" e ON e."id" = d."endpointId"
LEFT JOIN "RetryPolicy" p ON p."id" = e."policyId"
WHERE d."id" = ?`;

const FINISH_DELIVERY = `
UPDATE "Delivery" SET "status" = @status, "attemptCount" = @attemptCount, "nextAttemptAt" = coalesce(@nextAttemptAt, "nextAttemptAt"),
  "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "lastStatusCode" = @lastStatusCode, "lastError" = @lastError,
  "completedAt" = @completedAt, "updatedAt" = @now, "policy" = @policy
WHERE "id" = @deliveryId AND "status" = 'in_flight' AND "leaseOwner" = @workerId`;

const INSERT_ATTEMPT = `
INSERT INTO "DeliveryAttempt" ("id", "deliveryId", "number", "startedAt", "durationMs", "statusCode", "error", "responseBody", "outcome", "delayMs", "workerId",
  "requestHeaders", "responseHeaders")
VALUES (@id, @deliveryId, @number, @startedAt, @durationMs, @statusCode, @error, @responseBody, @outcome, @delayMs, @workerId, @requestHeaders, @responseHeaders)`;

const INSERT_LETTER = `
INSERT INTO "DeadLetter" ("id", "deliveryId", "lastDeliveryId", "endpointId", "url", "eventType", "payload", "reason", "errorDetails",
  "attempts", "failedAt", "status", "reprocessCount", "createdAt", "updatedAt")
VALUES (@newId, @deliveryId, @deliveryId, @endpointId, @url, @eventType, @payload, @reason, @errorDetails, @attempts, @now, 'pending', 0, @now, @now)`;

// A reprocess that failed again puts its letter back to pending with the new failure, instead of a second letter.
const REOPEN_LETTER = `
UPDATE "DeadLetter" SET "status" = 'pending', "reason" = @reason, "errorDetails" = @errorDetails, "attempts" = "attempts" + @attempts,
  "failedAt" = @now, "lastDeliveryId" = @deliveryId, "url" = @url, "updatedAt" = @now
WHERE "id" = @reprocessedLetterId`;

const LINK_LETTER = `UPDATE "Delivery" SET "deadLetterId" = ? WHERE "id" = ?`;

const SETTLE_LETTER = `
UPDATE "DeadLetter" SET "status" = 'reprocessed', "reprocessedAt" = ?, "lastDeliveryId" = ?, "updatedAt" = ? WHERE "id" = ?`;

const HEALTH = {
  recovered: `UPDATE "Endpoint" SET "failingSince" = NULL, "updatedAt" = @now WHERE "id" = @endpointId AND "failingSince" IS NOT NULL`,
  failing: `UPDATE "Endpoint" SET "failingSince" = @now, "updatedAt" = @now WHERE "id" = @endpointId AND "failingSince" IS NULL`,
  disable: `UPDATE "Endpoint" SET "enabled" = 0, "disabledAt" = @now, "disabledReason" = @reason, "updatedAt" = @now WHERE "id" = @endpointId AND "enabled" = 1`,
};

const RELEASE = `
UPDATE "Delivery" SET "status" = 'pending', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "nextAttemptAt" = ?, "updatedAt" = ?
WHERE "id" = ? AND "status" = 'in_flight' AND "leaseOwner" = ?`;

const HOLD = `
UPDATE "Delivery" SET "status" = 'held', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ?
WHERE "id" = ? AND "status" = 'in_flight' AND "leaseOwner" = ?`;

const NEXT_DUE = `SELECT "nextAttemptAt" FROM "Delivery" WHERE "status" = 'pending' ORDER BY "nextAttemptAt" LIMIT 1`;

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The hot paths on a SQLite connection of their own. Every unit of work is one synchronous
 * transaction of prepared statements, run through the gate so it never meets a Prisma
 * transaction holding the write lock (sqlite-gate.ts).
 */
export function sqliteHotPath(connection: Database.Database, gate: SqliteGate): HotPathSql {
  const prepare = (sql: string) => connection.prepare(sql);
  const s = {
    insertEvent: prepare(INSERT_EVENT),
    insertMessage: prepare(INSERT_MESSAGE),
    linkMessage: prepare(LINK_MESSAGE),
    insertDelivery: prepare(INSERT_DELIVERY),
    countDuplicate: prepare(COUNT_DUPLICATE),
    routes: prepare(ROUTES),
    claim: prepare(CLAIM_SQL),
    loadClaimed: prepare(LOAD_CLAIMED),
    finishDelivery: prepare(FINISH_DELIVERY),
    insertAttempt: prepare(INSERT_ATTEMPT),
    insertLetter: prepare(INSERT_LETTER),
    reopenLetter: prepare(REOPEN_LETTER),
    linkLetter: prepare(LINK_LETTER),
    settleLetter: prepare(SETTLE_LETTER),
    health: { recovered: prepare(HEALTH.recovered), failing: prepare(HEALTH.failing), disable: prepare(HEALTH.disable) },
    release: prepare(RELEASE),
    hold: prepare(HOLD),
    nextDue: prepare(NEXT_DUE),
  };
  // Immediate: the write lock is taken at BEGIN, so a transaction never fails half-way on a lock another process holds.
  const immediate = <A extends unknown[], R>(fn: (...args: A) => R) => connection.transaction(fn).immediate;

  const accept = immediate((input: AcceptInput): AcceptResult => {
    const routes = (s.routes.all() as Row[]).map((r) => ({ id: String(r.id), eventTypes: String(r.eventTypes), enabled: r.enabled === 1 }));
    const targets = input.targets(routes);
    // Named parameters bind by key; the input's functions are simply not bound.
    const row = { ...input, resultBody: input.resultBody(targets.length) };
    if (s.insertEvent.run(row).changes === 1) {
      s.insertMessage.run(row);
      s.linkMessage.run(input.messageId, input.eventId);
      for (const t of targets) s.insertDelivery.run(newId(input.now), input.messageId, t.id, t.enabled ? "pending" : "held", input.now, input.now, input.now);
      return { kind: "accepted" };
    }
    const stored = s.countDuplicate.get({ sourceId: input.sourceId, key: input.key, providerAttempt: input.providerAttempt, now: input.now }) as Row | undefined;
    if (!stored) return { kind: "exists" };
    return {
      kind: "replay",
      answer: { id: String(stored.id), resultStatus: Number(stored.resultStatus ?? 200), resultBody: String(stored.resultBody), expiresAt: Number(stored.expiresAt) },
    };
  });

  const claim = immediate((input: ClaimInput): ClaimedDelivery[] => {
    const ids = (s.claim.all(input) as Row[]).map((r) => String(r.id));
    return ids.map((id) => claimedFromRow(s.loadClaimed.get(id) as Row));
  });

  const record = immediate((writes: readonly AttemptWrite[]): boolean[] =>
    writes.map((w) => {
      if (s.finishDelivery.run(w).changes !== 1) return false;
      s.insertAttempt.run({ ...w.attempt, deliveryId: w.deliveryId, workerId: w.workerId });
      if (w.deadLetter) {
        const letter = { ...w.deadLetter, deliveryId: w.deliveryId, now: w.now };
        if (w.deadLetter.reprocessedLetterId) s.reopenLetter.run(letter);
        else s.insertLetter.run(letter);
        s.linkLetter.run(w.deadLetter.reprocessedLetterId ?? w.deadLetter.newId, w.deliveryId);
      }
      if (w.settlesLetterId) s.settleLetter.run(w.now, w.deliveryId, w.now, w.settlesLetterId);
      if (w.health) s.health[w.health.kind].run({ endpointId: w.health.endpointId, now: w.now, ...(w.health.kind === "disable" ? { reason: w.health.reason } : {}) });
      return true;
    }),
  );

  return {
    accept: (input) => gate.run(() => accept(input)),
    claim: (input) => gate.run(() => claim(input)),
    recordAttempts: (writes) => gate.run(() => record(writes)),
    hold: (deliveryId, owner, now) =>
      gate.run(() => {
        s.hold.run(now, deliveryId, owner);
      }),
    release: (deliveryId, owner, dueAt, now) =>
      gate.run(() => {
        s.release.run(dueAt, now, deliveryId, owner);
      }),
    nextDueAt: () => gate.run(() => num((s.nextDue.get() as Row | undefined)?.nextAttemptAt)),
  };
}
