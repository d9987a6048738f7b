import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db/client";
import { hotPathFor } from "../../lib/db/hot-path";
import { median, percentile } from "./stats";

export interface ClaimFigures {
  dueRows: number;
  claims: number;
  batch: number;
  p50Ms: number;
  p95Ms: number;
  /** The same claims when only as many deliveries are due as they take: what a claim costs with no backlog. */
  shortQueueP50Ms: number;
  /**
   * PostgreSQL: `SELECT 1` on the claim's own session, one after each claim: the round trip
   * every claim pays before the database does any work; null on SQLite (no round trip).
   */
  roundTripP50Ms: number | null;
}

const CHUNK = 500;

/**
 * `claims` claims of `batch` with `dueRows` deliveries due to one endpoint; each claim's time,
 * and on PostgreSQL each round trip of a `SELECT 1` after it on the same session.
 */
async function claimTimes(db: Db, dueRows: number, claims: number, batch: number): Promise<{ times: number[]; roundTrips: number[] }> {
  const endpoint = await db.prisma.endpoint.create({ data: { url: "http://127.0.0.1:9/claim-bench", secret: "whsec_Y2xhaW0tYmVuY2gtc2VjcmV0LTAxMjM0NTY3" } });
  const past = Date.now() - 60_000;
  try {
    for (let start = 0; start < dueRows; start += CHUNK) {
      const n = Math.min(CHUNK, dueRows - start);
      const messages = Array.from({ length: n }, () => ({ id: `cm_${randomUUID()}`, eventType: "claim.bench", payload: "{}" }));
      await db.prisma.message.createMany({ data: messages });
      await db.prisma.delivery.createMany({ data: messages.map((m, k) => ({ id: `cd_${randomUUID()}`, messageId: m.id, endpointId: endpoint.id, nextAttemptAt: new Date(past + start + k) })) });
    }
    // Autovacuum analyzes a table this size within a minute of the load; until then the
    // planner would sort the whole backlog, a plan a running database does not keep.
    if (db.pgPool) await db.pgPool.query(`VACUUM ANALYZE "Delivery", "Message"`);
    const sql = hotPathFor(db);
    const times: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < claims; i++) {
      const now = Date.now();
      const t = performance.now();
      const ids = await sql.claim({ owner: "claim-bench", now, leaseUntil: now + 60_000, limit: batch });
      times.push(performance.now() - t);
      if (ids.length !== batch) throw new Error(`claim ${i} took ${ids.length} deliveries, not ${batch}`);
      if (db.pgClaimPool) {
        const r = performance.now();
        await db.pgClaimPool.query("SELECT 1");
        roundTrips.push(performance.now() - r);
      }
    }
    return { times, roundTrips };
  } finally {
    await db.prisma.delivery.deleteMany({ where: { endpointId: endpoint.id } });
    await db.prisma.endpoint.delete({ where: { id: endpoint.id } });
  }
}

/**
 * The worker's claim with `dueRows` deliveries due at once (a backlog after an outage),
 * beside the same claims on a queue holding just what they take: each claim must find its
 * batch through the index, not by reading the backlog. A claim also loads what the batch's
 * attempts need (message, endpoint, policy), as the worker's does.
 */
export async function measureClaim(db: Db, dueRows: number, claims = 50, batch = 32): Promise<ClaimFigures> {
  const short = await claimTimes(db, claims * batch, claims, batch);
  const backlog = await claimTimes(db, dueRows, claims, batch);
  return {
    dueRows,
    claims,
    batch,
    p50Ms: median(backlog.times),
    p95Ms: percentile(backlog.times, 0.95),
    shortQueueP50Ms: median(short.times),
    roundTripP50Ms: db.pgClaimPool ? median([...short.roundTrips, ...backlog.roundTrips]) : null,
  };
}
