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
  /** The same number of primary-key look-ups of one delivery through Prisma, for scale. */
  lookupP50Ms: number;
}

const CHUNK = 500;

/**
 * The worker's claim with `dueRows` deliveries due at once (a backlog after an outage):
 * each claim must find its batch through the index, not by reading the backlog. A claim
 * also loads what the batch's attempts need (message, endpoint, policy), as the worker's does.
 */
export async function measureClaim(db: Db, dueRows: number, claims = 50, batch = 32): Promise<ClaimFigures> {
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
    if (db.pgPool) await db.pgPool.query(`ANALYZE "Delivery"`);
    const some = await db.prisma.delivery.findFirst({ where: { endpointId: endpoint.id }, select: { id: true } });
    const sql = hotPathFor(db);
    const claimMs: number[] = [];
    const lookupMs: number[] = [];
    for (let i = 0; i < claims; i++) {
      const now = Date.now();
      let t = performance.now();
      const ids = await sql.claim({ owner: "claim-bench", now, leaseUntil: now + 60_000, limit: batch });
      claimMs.push(performance.now() - t);
      if (ids.length !== batch) throw new Error(`claim ${i} took ${ids.length} deliveries, not ${batch}`);
      t = performance.now();
      await db.prisma.delivery.findUnique({ where: { id: some!.id }, select: { id: true } });
      lookupMs.push(performance.now() - t);
    }
    return { dueRows, claims, batch, p50Ms: median(claimMs), p95Ms: percentile(claimMs, 0.95), lookupP50Ms: median(lookupMs) };
  } finally {
    await db.prisma.delivery.deleteMany({ where: { endpointId: endpoint.id } });
    await db.prisma.endpoint.delete({ where: { id: endpoint.id } });
  }
}
