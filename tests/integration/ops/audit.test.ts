import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ACTOR_HEADER, encodeActor } from "@/lib/auth/actor";
import { listAudit, recordAudit, type AuditEntry } from "@/lib/auth/audit";
import { testProviders, useTestDatabase } from "../../support/databases";

const asOperator = (path: string, method = "GET") =>
  new Request(`http://localhost${path}`, { method, headers: { [ACTOR_HEADER]: encodeActor({ kind: "operator", id: "op_1", name: "alice@example.com" }) } });

describe.each(testProviders())("audit trail on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(async () => {
    await t.db.prisma.auditLog.deleteMany();
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", t.url);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("records who did what to which target, inside the caller's transaction", async () => {
    await t.db.prisma
      .$transaction(async (tx) => {
        await recordAudit(tx, { actor: "operator:alice@example.com", action: "endpoint.update", targetType: "endpoint", targetId: "ep_1", details: { url: "https://a.example" } });
        throw new Error("the change failed");
      })
      .catch(() => undefined);
    expect(await t.db.prisma.auditLog.count()).toBe(0);

    await recordAudit(t.db, { actor: "operator:alice@example.com", action: "endpoint.update", targetType: "endpoint", targetId: "ep_1", details: { url: "https://a.example" } });
    const { data } = await listAudit(t.db, { limit: 10 });
    expect(data).toEqual([expect.objectContaining({ actor: "operator:alice@example.com", action: "endpoint.update", targetType: "endpoint", targetId: "ep_1", details: { url: "https://a.example" } })]);
    expect(data[0].createdAt).toBeInstanceOf(Date);
  });

  it("caps oversized details instead of storing megabytes", async () => {
    await recordAudit(t.db, { actor: "system", action: "dead_letter.reprocess", targetType: "dead_letter", details: { ids: Array.from({ length: 5_000 }, (_, i) => `dl_${i}`) } });
    const row = await t.db.prisma.auditLog.findFirstOrThrow();
    expect(row.details!.length).toBeLessThan(17_000);
    expect(JSON.parse(row.details!)).toMatchObject({ truncated: true });
  });

  it("pages newest first through GET /api/audit and filters by target", async () => {
    for (let i = 0; i < 5; i++) {
      await t.db.prisma.auditLog.create({ data: { actor: "operator:alice@example.com", action: "policy.update", targetType: i % 2 ? "policy" : "endpoint", targetId: `t${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) } });
    }
    const { GET } = await import("@/app/api/audit/route");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await GET(asOperator(`/api/audit?limit=2${cursor ? `&cursor=${cursor}` : ""}`), undefined);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { data: AuditEntry[]; nextCursor: string | null };
      seen.push(...page.data.map((e) => e.targetId ?? ""));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["t4", "t3", "t2", "t1", "t0"]);

    const filtered = (await (await GET(asOperator("/api/audit?targetType=policy"), undefined)).json()) as { data: AuditEntry[] };
    expect(filtered.data.map((e) => e.targetId)).toEqual(["t3", "t1"]);

    const bad = await GET(asOperator("/api/audit?limit=0"), undefined);
    expect(bad.status).toBe(400);
    const unknownCursor = await GET(asOperator("/api/audit?cursor=nope"), undefined);
    expect(unknownCursor.status).toBe(400);
  });

  it("POST /api/cleanup runs the retention cleanup now and records who ran it", async () => {
    vi.stubEnv("HOOKRELAY_RETENTION_ATTEMPTS_DAYS", "14");
    const { POST } = await import("@/app/api/cleanup/route");
    const res = await POST(asOperator("/api/cleanup", "POST"), undefined);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { removed: Record<string, number>; retention: Record<string, number> };
    expect(body.removed).toEqual({ inboundEvents: 0, attempts: 0, deliveries: 0, messages: 0, sessions: 0, operatorActions: 0 });
    expect(body.retention).toEqual({ attemptsDays: 14, deliveriesDays: 30 });
    expect(await t.db.prisma.auditLog.findFirstOrThrow()).toMatchObject({ actor: "operator:alice@example.com", action: "retention.cleanup", targetType: "retention" });
  });
});
