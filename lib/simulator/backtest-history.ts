import type { Db } from "@/lib/db/client";
import { policyInEffect, type PolicyInEffect } from "@/lib/delivery/policies";
import { notFound } from "@/lib/errors/app-error";
import type { AttemptErrorKind } from "@/lib/retry";
import { backtest, type BacktestDelivery, type BacktestResult, type BacktestSummary } from "./backtest";
import type { BacktestRequest } from "./backtest-request";
import {
  BACKTEST_LIMITS,
  type BacktestInput,
  type BacktestFinalStatus,
  type RecordedAttempt,
  type RecordedDelivery,
} from "./schema";

/*
 * The one part of lib/simulator that does I/O: it reads an endpoint's recorded deliveries
 * and attempts and hands them to the pure `backtest`.
 */

export interface BacktestLimits {
  maxDeliveries: number;
  maxRecordedAttempts: number;
}

export interface EndpointHistory {
  deliveries: RecordedDelivery[];
  attempts: RecordedAttempt[];
  /** True when the period held more than the limits allow: only its latest part was read. */
  capped: boolean;
  /** Creation time of the oldest delivery read; null when none was. */
  coveredFromMs: number | null;
}

const FINAL_STATUS: Record<string, BacktestFinalStatus> = { succeeded: "delivered", dead: "dead" };

/*
 * DeliveryAttempt.error holds the sender's message, not its error kind; these are the
 * openings lib/delivery/send.ts and ssrf.ts give each kind. Anything else is "other", which
 * the classifier retries like a connection error, so a miss costs little.
 */
const ERROR_OPENINGS: readonly (readonly [string, AttemptErrorKind])[] = [
  ["Request timed out", "timeout"],
  ["Connection failed", "connection"],
  ["DNS lookup failed", "dns"],
  ["TLS error", "tls"],
  ["Destination refused", "ssrf_blocked"],
  ["The URL ", "invalid_url"],
  ["The host ", "invalid_url"],
  ["Credentials in the URL", "invalid_url"],
];

export function errorKindOf(message: string): AttemptErrorKind {
  return ERROR_OPENINGS.find(([opening]) => message.startsWith(opening))?.[1] ?? "other";
}

/**
 * The endpoint's deliveries created in [sinceMs, untilMs] and their attempts. When the period
 * holds more than the limits, the newest deliveries are kept (recent behaviour is what a
 * candidate policy will meet) and `capped` says so.
 */
export async function loadEndpointHistory(
  db: Db,
  endpointId: string,
  sinceMs: number,
  untilMs: number,
  limits: BacktestLimits = BACKTEST_LIMITS,
): Promise<EndpointHistory> {
  const created = { gte: new Date(sinceMs), lte: new Date(untilMs) };
  const rows = await db.prisma.delivery.findMany({
    where: { endpointId, createdAt: created },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limits.maxDeliveries + 1,
    select: { id: true, createdAt: true, status: true, attemptCount: true },
  });

  // attemptCount bounds the attempt rows a delivery has, so the budget is known before reading them.
  const kept: typeof rows = [];
  let attemptBudget = limits.maxRecordedAttempts;
  for (const row of rows.slice(0, limits.maxDeliveries)) {
    if (row.attemptCount > attemptBudget) break;
    attemptBudget -= row.attemptCount;
    kept.push(row);
  }
  const capped = kept.length < rows.length;
  if (kept.length === 0) return { deliveries: [], attempts: [], capped, coveredFromMs: null };

  const coveredFrom = kept[kept.length - 1].createdAt;
  const ids = new Set(kept.map((row) => row.id));
  // A relation filter instead of `id IN (...)`: tens of thousands of ids exceed SQLite's bound parameters.
  const attemptRows = await db.prisma.deliveryAttempt.findMany({
    where: { delivery: { endpointId, createdAt: { gte: coveredFrom, lte: created.lte } } },
    select: { deliveryId: true, number: true, startedAt: true, durationMs: true, statusCode: true, error: true, outcome: true },
  });

  const deliveries: RecordedDelivery[] = kept.reverse().map((row) => ({
    deliveryId: row.id,
    createdAt: row.createdAt.getTime(),
    finalStatus: FINAL_STATUS[row.status] ?? "pending",
  }));
  const attempts: RecordedAttempt[] = attemptRows
    // Deliveries sharing the cut-off creation time but left out by the cap.
    .filter((row) => ids.has(row.deliveryId))
    .map((row) => ({
      deliveryId: row.deliveryId,
      attemptNumber: row.number,
      startedAt: row.startedAt.getTime(),
      ok: row.outcome === "SUCCESS",
      statusCode: row.statusCode,
      error: row.error === null ? null : errorKindOf(row.error),
      durationMs: row.durationMs,
    }));
  return { deliveries, attempts, capped, coveredFromMs: coveredFrom.getTime() };
}

/** Rescued and lost deliveries listed in a report; the summary counts all of them. */
export const MAX_LISTED_CHANGES = 100;

export interface BacktestReport {
  endpoint: { id: string; url: string };
  /** The policy the endpoint follows today: what the candidate is compared with. */
  currentPolicy: PolicyInEffect;
  period: { since: string; until: string };
  history: {
    deliveries: number;
    attempts: number;
    capped: boolean;
    coveredFrom: string | null;
    limits: BacktestLimits;
  };
  /** Null when the period holds no recorded attempt to replay. */
  summary: BacktestSummary | null;
  /** Rescued (dead → delivered) and lost (delivered → dead) deliveries, newest first. */
  changes: BacktestDelivery[];
  changesTotal: number;
}

/** Runs the pure replay: in the request by default; the route hands it to a simulation thread. */
export type BacktestRunner = (input: BacktestInput) => BacktestResult | Promise<BacktestResult>;

export async function backtestEndpoint(
  db: Db,
  request: BacktestRequest,
  limits: BacktestLimits = BACKTEST_LIMITS,
  run: BacktestRunner = backtest,
): Promise<BacktestReport> {
  const endpoint = await db.prisma.endpoint.findUnique({ where: { id: request.endpointId }, select: { id: true, url: true, policyId: true } });
  if (!endpoint) throw notFound("Endpoint");

  const [history, currentPolicy] = await Promise.all([
    loadEndpointHistory(db, endpoint.id, request.since, request.until, limits),
    policyInEffect(db, endpoint.policyId),
  ]);
  const result =
    history.attempts.length === 0
      ? null
      : await run({ policy: request.policy, seed: request.seed, attempts: history.attempts, deliveries: history.deliveries });
  const changed = (result?.deliveries ?? []).filter((d) => d.verdict === "rescued" || d.verdict === "lost").reverse();

  return {
    endpoint: { id: endpoint.id, url: endpoint.url },
    currentPolicy,
    period: { since: new Date(request.since).toISOString(), until: new Date(request.until).toISOString() },
    history: {
      deliveries: history.deliveries.length,
      attempts: history.attempts.length,
      capped: history.capped,
      coveredFrom: history.coveredFromMs === null ? null : new Date(history.coveredFromMs).toISOString(),
      limits: { maxDeliveries: limits.maxDeliveries, maxRecordedAttempts: limits.maxRecordedAttempts },
    },
    summary: result?.summary ?? null,
    changes: changed.slice(0, MAX_LISTED_CHANGES),
    changesTotal: changed.length,
  };
}
