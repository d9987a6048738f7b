import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { hotPathFor } from "@/lib/db/hot-path";
import { claimStatement } from "@/lib/db/hot-path/postgresql";
import { CLAIM_SQL } from "@/lib/db/hot-path/sqlite";
import { testProviders, useTestDatabase } from "../../support/databases";

const DUE = 20_000;
const IDLE_ENDPOINTS = 2_000;
const CHUNK = 500;

/** `count` deliveries to one endpoint, due one millisecond apart from `from`. */
async function seedDue(db: Db, endpointId: string, count: number, from: number, extra: { status?: string; leaseExpiresAt?: Date } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const messages = Array.from({ length: n }, () => ({ id: `m_${randomUUID()}`, eventType: "claim.plan", payload: "{}" }));
    await db.prisma.message.createMany({ data: messages });
    const deliveries = messages.map((m, k) => ({ id: `d_${randomUUID()}`, messageId: m.id, endpointId, nextAttemptAt: new Date(from + start + k), ...extra }));
    await db.prisma.delivery.createMany({ data: deliveries });
    ids.push(...deliveries.map((d) => d.id));
  }
  return ids;
}

/** The plan of the claim statement, as text: PostgreSQL's JSON plan, SQLite's query plan rows. */
async function claimPlan(db: Db, now: number): Promise<string> {
  const input = { owner: "plan", leaseUntil: now + 60_000, now, limit: 32 };
  if (db.pgClaimPool) {
    // The plan the claim's own session runs, so the generic one (lib/db/client.ts).
    const { sql, args } = claimStatement(input);
    const client = await db.pgClaimPool.connect();
    try {
      await client.query(`PREPARE claim_plan AS ${sql}`);
      const values = args.map((a) => client.escapeLiteral(String(a))).join(", ");
      const r = await client.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) EXECUTE claim_plan(${values})`);
      await client.query("DEALLOCATE claim_plan");
      return JSON.stringify(r.rows[0]["QUERY PLAN"]);
    } finally {
      client.release();
    }
  }
  const rows = db.sqlite!.connection.prepare(`EXPLAIN QUERY PLAN ${CLAIM_SQL}`).all(input) as { detail: string }[];
  return rows.map((r) => r.detail).join("\n");
}

const claim = async (db: Db, owner: string, now: number, limit: number) =>
  (await hotPathFor(db).claim({ owner, now, leaseUntil: now + 60_000, limit })).map((d) => d.id);

describe.each(testProviders())(`the worker's claim on %s with ${DUE} deliveries due`, (provider) => {
  const t = useTestDatabase(provider);
  let endpointId: string;
  const past = Date.now() - 3_600_000;
  let pending: string[];
  let expired: string[];

  beforeAll(async () => {
    const endpoint = await t.db.prisma.endpoint.create({ data: { url: "http://127.0.0.1:9/plan", secret: "whsec_cGxhbi1zZWNyZXQtMDEyMzQ1Njc4OWFiY2RlZg==" } });
    endpointId = endpoint.id;
    // Endpoints that have nothing due: the claim must not read them either.
    await t.db.prisma.endpoint.createMany({ data: Array.from({ length: IDLE_ENDPOINTS }, (_, i) => ({ url: `http://127.0.0.1:9/idle-${i}`, secret: "whsec_aWRsZS1zZWNyZXQtMDEyMzQ1Njc4OWFiY2RlZg==" })) });
    pending = await seedDue(t.db, endpointId, DUE, past);
    // Work a dead worker held: its lease ran out a minute ago.
    expired = await seedDue(t.db, endpointId, 3, past + DUE, { status: "in_flight", leaseExpiresAt: new Date(Date.now() - 60_000) });
    await t.db.prisma.$executeRawUnsafe(provider === "postgresql" ? 'ANALYZE "Delivery", "Message", "Endpoint"' : "ANALYZE");
  });

  it("reads the due work through the status indexes in order, and only the messages and endpoints it claims", async () => {
    const plan = await claimPlan(t.db, Date.now());
    if (provider === "postgresql") {
      // A generic plan names its parameters instead of their values.
      expect(plan).toContain("$3");
      expect(plan).toContain("Delivery_status_nextAttemptAt_idx");
      expect(plan).toContain("Delivery_status_leaseExpiresAt_idx");
      expect(plan).toContain("Message_pkey");
      expect(plan).toContain("Endpoint_pkey");
      expect(plan).not.toMatch(/"Node Type":"Seq Scan"[^{}]*"Relation Name":"(Delivery|Message|Endpoint)"/);
      expect(plan).not.toContain('"Node Type":"Sort"');
    } else {
      expect(plan).toContain("Delivery_status_nextAttemptAt_idx");
      expect(plan).toContain("Delivery_status_leaseExpiresAt_idx");
      expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      expect(plan).not.toMatch(/^SCAN "?Delivery"?$/m);
    }
  });

  it("takes expired leases first, then the longest-due pending deliveries, and never the same one twice", async () => {
    const now = Date.now();
    const first = await claim(t.db, "w1", now, 5);
    expect(new Set(first)).toEqual(new Set([...expired, pending[0], pending[1]]));
    const second = await claim(t.db, "w2", now, 3);
    expect(second.sort()).toEqual(pending.slice(2, 5).sort());
    const held = await t.db.prisma.delivery.count({ where: { endpointId, status: "in_flight", leaseOwner: { in: ["w1", "w2"] } } });
    expect(held).toBe(8);
  });
});
