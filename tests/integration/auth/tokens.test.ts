import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { ACTOR_HEADER } from "@/lib/auth/actor";
import type { ApiTokenView } from "@/lib/auth/tokens";
import { testProviders, useTestDatabase } from "../../support/databases";
import { apiRequest, clearAuthData, createOperator, forwarded, sessionCookieFor } from "./support";

type Created = ApiTokenView & { token: string };
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });

describe.each(testProviders())("API tokens on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(async () => {
    await clearAuthData(t.db);
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", t.url);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** A request as the route sees it after proxy.ts let it through. */
  async function viaProxy(req: Request): Promise<Request | Response> {
    const { proxy } = await import("@/proxy");
    const res = await proxy(new NextRequest(req.clone()));
    return res.headers.get("x-middleware-next") === "1" ? forwarded(req, res) : res;
  }

  async function signedInRequest(path: string, init: Parameters<typeof apiRequest>[1] = {}): Promise<Request> {
    const operator = await t.db.prisma.operator.findFirst();
    const cookie = await sessionCookieFor(t.db, (operator ?? (await createOperator(t.db))).id);
    const through = await viaProxy(apiRequest(path, { ...init, headers: { ...init.headers, cookie } }));
    if (through instanceof Response) throw new Error(`proxy refused: ${through.status}`);
    return through;
  }

  it("creates a token shown once, stores only its digest, lists it with its prefix, and audits both", async () => {
    const tokens = await import("@/app/api/tokens/route");
    const res = await tokens.POST(await signedInRequest("/api/tokens", { method: "POST", body: { name: " ci deploy " } }), undefined);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = (await res.json()) as Created;
    expect(created.token).toMatch(/^hr_[\w-]{43}$/);
    expect(created).toMatchObject({ name: "ci deploy", prefix: created.token.slice(0, 9), createdBy: "alice@example.com", lastUsedAt: null, revokedAt: null });

    const row = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token.slice(9));

    const list = await tokens.GET(await signedInRequest("/api/tokens"), undefined);
    const { data } = (await list.json()) as { data: Record<string, unknown>[] };
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ id: created.id, prefix: created.prefix });
    expect(JSON.stringify(data)).not.toContain(created.token);

    expect(await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: "token.create" } })).toMatchObject({ actor: "operator:alice@example.com", targetId: created.id });
  });

  it("lets a program call POST /api/messages with the token, records its use, and stops it once revoked", async () => {
    const tokens = await import("@/app/api/tokens/route");
    const tokenById = await import("@/app/api/tokens/[id]/route");
    const messages = await import("@/app/api/messages/route");
    const created = (await (await tokens.POST(await signedInRequest("/api/tokens", { method: "POST", body: { name: "billing-service" } }), undefined)).json()) as Created;

    const send = () => viaProxy(apiRequest("/api/messages", { method: "POST", sameOrigin: false, headers: { authorization: `Bearer ${created.token}` }, body: { eventType: "invoice.paid", payload: { id: "in_1" } } }));
    const allowed = await send();
    if (allowed instanceof Response) throw new Error(`refused with ${allowed.status}`);
    expect(allowed.headers.get(ACTOR_HEADER)).toMatch(/^token:/);
    const accepted = await messages.POST(allowed, undefined);
    expect(accepted.status).toBe(201);
    expect((await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();

    const revoked = await tokenById.DELETE(await signedInRequest(`/api/tokens/${created.id}`, { method: "DELETE" }), idCtx(created.id));
    expect(revoked.status).toBe(204);
    expect((await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).not.toBeNull();

    const refused = await send();
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(401);
    expect(await (refused as Response).json()).toEqual({ error: { code: "unauthorized", message: "The API token is not valid or has been revoked" } });
    expect(await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: "token.revoke" } })).toMatchObject({ actor: "operator:alice@example.com", targetId: created.id });
  });

  it("keeps the first revocation time when revoked twice, and 404s an unknown id", async () => {
    const tokens = await import("@/app/api/tokens/route");
    const tokenById = await import("@/app/api/tokens/[id]/route");
    const created = (await (await tokens.POST(await signedInRequest("/api/tokens", { method: "POST", body: { name: "x" } }), undefined)).json()) as Created;
    const revokedAt = async () => {
      const res = await tokenById.DELETE(await signedInRequest(`/api/tokens/${created.id}`, { method: "DELETE" }), idCtx(created.id));
      expect(res.status).toBe(204);
      return (await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt;
    };
    const first = await revokedAt();
    expect(first).not.toBeNull();
    expect(await revokedAt()).toEqual(first);
    const missing = await tokenById.DELETE(await signedInRequest("/api/tokens/nope", { method: "DELETE" }), idCtx("nope"));
    expect(missing.status).toBe(404);
  });

  it("does not let a token mint or revoke tokens: that takes a signed-in operator", async () => {
    const tokens = await import("@/app/api/tokens/route");
    const created = (await (await tokens.POST(await signedInRequest("/api/tokens", { method: "POST", body: { name: "ci" } }), undefined)).json()) as Created;
    const asToken = await viaProxy(apiRequest("/api/tokens", { method: "POST", headers: { authorization: `Bearer ${created.token}` }, body: { name: "more" } }));
    if (asToken instanceof Response) throw new Error("the proxy should let a valid token through");
    const res = await tokens.POST(asToken, undefined);
    expect(res.status).toBe(403);
    expect(await t.db.prisma.apiToken.count()).toBe(1);
  });

  it("validates the token name", async () => {
    const tokens = await import("@/app/api/tokens/route");
    const res = await tokens.POST(await signedInRequest("/api/tokens", { method: "POST", body: { name: "   " } }), undefined);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "validation_failed", details: [{ path: "name", message: "Give the token a name" }] } });
  });

  it("lists active tokens before revoked ones", async () => {
    const tokens = await import("@/app/api/tokens/route");
    const tokenById = await import("@/app/api/tokens/[id]/route");
    const make = async (name: string) => (await (await tokens.POST(await signedInRequest("/api/tokens", { method: "POST", body: { name } }), undefined)).json()) as Created;
    const old = await make("old");
    await make("current");
    await tokenById.DELETE(await signedInRequest(`/api/tokens/${old.id}`, { method: "DELETE" }), idCtx(old.id));
    await make("newest");
    const { data } = (await (await tokens.GET(await signedInRequest("/api/tokens"), undefined)).json()) as { data: ApiTokenView[] };
    expect(data.map((d) => d.name)).toEqual(["newest", "current", "old"]);
  });
});
