/**
 * The statements on the paths every event and every delivery take, written against the
 * drivers (better-sqlite3, node-postgres) instead of Prisma: a Prisma query costs about
 * 90× a prepared statement here (issue 14). One implementation per provider, this
 * interface at their edge; times cross it as epoch milliseconds.
 */

/** An inbound event stored with its final answer, its message and deliveries, in one commit. */
export interface AcceptInput {
  eventId: string;
  sourceId: string;
  key: string;
  keySource: string;
  eventType: string | null;
  /** The message's type: the event's, or the placeholder for untyped events. */
  messageType: string;
  payload: string;
  headers: string;
  sourceHeaders: string;
  providerAttempt: number | null;
  now: number;
  expiresAt: number;
  messageId: string;
  /**
   * The endpoints to deliver to, of all those read in the same transaction. A disabled
   * one gets a held delivery, sent once an operator says so.
   */
  targets(routes: readonly EndpointRoute[]): readonly EndpointRoute[];
  /** The answer stored for duplicates, once the number of deliveries is known. */
  resultBody(deliveries: number): string;
}

/** A finished record of the key, answered to a duplicate as it was answered the first time. */
export interface StoredAnswer {
  id: string;
  resultStatus: number;
  resultBody: string;
  expiresAt: number;
}

export type AcceptResult =
  | { kind: "accepted" }
  | { kind: "replay"; answer: StoredAnswer }
  /** The key is held by a run in progress, a failed or expired one: the general path decides. */
  | { kind: "exists" };

export interface EndpointRoute {
  id: string;
  eventTypes: string;
  enabled: boolean;
}

/** A claimed delivery with everything its attempt needs. */
export interface ClaimedDelivery {
  id: string;
  attemptCount: number;
  /** Set only on deliveries made to reprocess a dead letter. */
  deadLetterId: string | null;
  previousDelayMs: number | null;
  message: { id: string; eventType: string; payload: string; sourceHeaders: string | null };
  endpoint: {
    id: string;
    url: string;
    secret: string;
    previousSecret: string | null;
    previousSecretExpiresAt: number | null;
    enabled: boolean;
    disabledReason: string | null;
    failingSince: number | null;
    rateLimitPerSecond: number | null;
    maxConcurrency: number | null;
  };
  /** The endpoint's own retry policy's columns; null when it follows the default. */
  policy: PolicyColumns | null;
}

export interface PolicyColumns {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  exponentialBase: number;
  jitter: number;
  jitterMode: string;
  timeoutMs: number;
}

export interface ClaimInput {
  owner: string;
  now: number;
  leaseUntil: number;
  limit: number;
}

/** The writes one finished attempt makes (lib/delivery/attempt-write.ts decides them). */
export interface AttemptWrite {
  deliveryId: string;
  workerId: string;
  status: string;
  attemptCount: number;
  /** Null keeps the delivery's current due time. */
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  completedAt: number | null;
  now: number;
  /** The retry policy the attempt ran under, as JSON. */
  policy: string;
  attempt: {
    id: string;
    number: number;
    startedAt: number;
    durationMs: number;
    statusCode: number | null;
    error: string | null;
    responseBody: string | null;
    outcome: string;
    delayMs: number | null;
    requestHeaders: string | null;
    responseHeaders: string | null;
  };
  /** The dead letter to write when the delivery gave up: a new one, or its reprocessed letter back to pending. */
  deadLetter: {
    newId: string;
    reprocessedLetterId: string | null;
    endpointId: string;
    url: string;
    eventType: string;
    payload: string;
    reason: string;
    errorDetails: string;
    attempts: number;
  } | null;
  /** A reprocessed dead letter this success settles. */
  settlesLetterId: string | null;
  health: HealthChange | null;
}

export type HealthChange =
  | { kind: "recovered"; endpointId: string }
  | { kind: "failing"; endpointId: string }
  | { kind: "disable"; endpointId: string; reason: string };

export interface HotPathSql {
  accept(input: AcceptInput): Promise<AcceptResult>;
  claim(input: ClaimInput): Promise<ClaimedDelivery[]>;
  /** Records many attempts in one commit; each is fenced on its lease. Returns, per write, whether it held the lease. */
  recordAttempts(writes: readonly AttemptWrite[]): Promise<boolean[]>;
  /** Holds a claimed delivery whose endpoint is disabled, unattempted, until an operator sends or discards it. */
  hold(deliveryId: string, owner: string, now: number): Promise<void>;
  /** Hands a claimed delivery back unrecorded, due at `dueAt`. */
  release(deliveryId: string, owner: string, dueAt: number, now: number): Promise<void>;
  /** When the earliest pending delivery is due, or null when none is. */
  nextDueAt(): Promise<number | null>;
}
