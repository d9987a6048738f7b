import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/http/errors";
import { SourceCache } from "@/lib/inbound/source-cache";
import { createSourceSchema, rotateSecretSchema, updateSourceSchema } from "@/lib/inbound/source-schema";
import { createSource, deleteSource, getSource, listSources, rotateSourceSecret, updateSource, type SourceStore } from "@/lib/inbound/sources";
import { testProviders, useTestDatabase } from "../../support/databases";
import { makeDeps, resetInbound, send } from "./helpers";

async function appError(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe.each(testProviders())("inbound sources on %s", (provider) => {
  const t = useTestDatabase(provider);
  let store: SourceStore;
  let now: number;

  beforeEach(async () => {
    await resetInbound(t.db);
    now = Date.parse("2030-01-01T00:00:00Z");
    store = { db: t.db, cache: new SourceCache(), now: () => now };
  });

  const create = (input: Record<string, unknown>) => createSource(store, createSourceSchema.parse(input));
  const defaultId = async () => (await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { name: "default" } })).id;

  describe("create", () => {
    it("generates a whsec_ secret for Standard Webhooks and returns it once", async () => {
      const created = await create({ name: "stripe", signingScheme: "standard_webhooks", description: "Stripe" });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(Buffer.from(String(created.secret).slice(6), "base64")).toHaveLength(24);
      expect(created).toMatchObject({
        name: "stripe",
        description: "Stripe",
        signingScheme: "standard_webhooks",
        secretHint: `whsec_••••${String(created.secret).slice(-4)}`,
        signatureHeader: null,
        signaturePrefix: null,
        idempotencyTtlSeconds: 86_400,
        rateLimitPerSecond: null,
        webhookPath: "/api/webhook/stripe",
        previousSecretExpiresAt: null,
      });
      const row = await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.secret).toBe(created.secret);
    });

    it("generates a hex secret for HMAC and fills in the default header and prefix", async () => {
      const created = await create({ name: "hmac", signingScheme: "hmac_sha256", idempotencyTtlSeconds: 60, rateLimitPerSecond: 5 });
      expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(created).toMatchObject({ signatureHeader: "x-signature-256", signaturePrefix: "sha256=", idempotencyTtlSeconds: 60, rateLimitPerSecond: 5 });
    });

    it("keeps a secret the provider gave", async () => {
      const secret = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
      expect((await create({ name: "given", signingScheme: "standard_webhooks", secret })).secret).toBe(secret);
    });

    it("has no secret for an unsigned source", async () => {
      expect(await create({ name: "plain" })).toMatchObject({ secret: null, secretHint: null, signingScheme: "none" });
    });

    it("refuses a name already taken with 409", async () => {
      await create({ name: "twice" });
      const err = await appError(create({ name: "twice" }));
      expect(err.code).toBe("conflict");
      expect(err.status).toBe(409);
      expect(await t.db.prisma.inboundSource.count({ where: { name: "twice" } })).toBe(1);
    });
  });

  it("lists and gets sources without their secrets", async () => {
    const a = await create({ name: "a-src", signingScheme: "standard_webhooks" });
    const b = await create({ name: "b-src", signingScheme: "hmac_sha256" });
    const list = await listSources(store);
    expect(list.map((s) => s.name)).toEqual(["default", "a-src", "b-src"]);
    expect(list[0].webhookPath).toBe("/api/webhook");
    const text = JSON.stringify(list) + JSON.stringify(await getSource(store, a.id));
    expect(text).not.toContain(String(a.secret));
    expect(text).not.toContain(String(b.secret).slice(0, 20));
    expect(list.every((s) => !("secret" in s))).toBe(true);
    expect((await appError(getSource(store, "missing"))).status).toBe(404);
  });

  describe("update", () => {
    it("edits name, description, TTL and rate limit, and clears with null", async () => {
      const s = await create({ name: "old-name", description: "x", rateLimitPerSecond: 3 });
      const updated = await updateSource(store, s.id, updateSourceSchema.parse({ name: "new-name", description: null, idempotencyTtlSeconds: 3600, rateLimitPerSecond: null }));
      expect(updated).toMatchObject({ name: "new-name", description: null, idempotencyTtlSeconds: 3600, rateLimitPerSecond: null, webhookPath: "/api/webhook/new-name" });
      expect("secret" in updated).toBe(false);
    });

    it("returns a new secret once when the signing scheme changes, and clears it when signing is turned off", async () => {
      const s = await create({ name: "switch" });
      const signed = await updateSource(store, s.id, updateSourceSchema.parse({ signingScheme: "hmac_sha256", signatureHeader: "X-Sig" }));
      expect(signed.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(signed).toMatchObject({ signatureHeader: "x-sig", signaturePrefix: "sha256=" });
      const off = await updateSource(store, s.id, updateSourceSchema.parse({ signingScheme: "none" }));
      expect(off).toMatchObject({ signingScheme: "none", secret: null, secretHint: null, signatureHeader: null, signaturePrefix: null });
    });

    it("refuses a secret without a change of scheme (rotation has its own route)", async () => {
      const s = await create({ name: "keep", signingScheme: "hmac_sha256" });
      const err = await appError(updateSource(store, s.id, updateSourceSchema.parse({ secret: "another-secret" })));
      expect(err.code).toBe("validation_failed");
      expect(err.details).toEqual([{ path: "secret", message: expect.stringContaining("rotate-secret") }]);
    });

    it("refuses an HMAC header on a Standard Webhooks source", async () => {
      const s = await create({ name: "sw", signingScheme: "standard_webhooks" });
      const err = await appError(updateSource(store, s.id, updateSourceSchema.parse({ signatureHeader: "x-sig" })));
      expect(err.code).toBe("validation_failed");
    });

    it("refuses to rename the default source with 409, and a taken name with 409", async () => {
      expect((await appError(updateSource(store, await defaultId(), { name: "renamed" }))).status).toBe(409);
      const s = await create({ name: "mine" });
      await create({ name: "theirs" });
      expect((await appError(updateSource(store, s.id, { name: "theirs" }))).code).toBe("conflict");
    });

    it("invalidates the receive path's cache so a rename takes effect at once", async () => {
      const deps = makeDeps(t.db);
      const s = await createSource({ db: t.db, cache: deps.sources }, createSourceSchema.parse({ name: "before" }));
      expect((await send(deps, { id: "1" }, { source: "before" })).status).toBe(200);
      await updateSource({ db: t.db, cache: deps.sources }, s.id, { name: "after" });
      expect((await send(deps, { id: "2" }, { source: "before" })).status).toBe(404);
      expect((await send(deps, { id: "3" }, { source: "after" })).status).toBe(200);
    });
  });

  describe("rotate", () => {
    it("returns a new secret and keeps the previous one valid for 24 hours by default", async () => {
      const s = await create({ name: "rot", signingScheme: "standard_webhooks" });
      const rotated = await rotateSourceSecret(store, s.id, rotateSecretSchema.parse({}));
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(s.secret);
      expect(rotated.previousSecretExpiresAt?.getTime()).toBe(now + 24 * 3600 * 1000);
      const row = await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { id: s.id } });
      expect(row).toMatchObject({ secret: rotated.secret, previousSecret: s.secret });
      now += 24 * 3600 * 1000;
      expect((await getSource(store, s.id)).previousSecretExpiresAt).toBeNull();
    });

    it("ends the old secret at once when asked, and takes a given secret", async () => {
      const s = await create({ name: "rot2", signingScheme: "hmac_sha256" });
      const rotated = await rotateSourceSecret(store, s.id, rotateSecretSchema.parse({ secret: "brand-new-secret", previousSecretValidSeconds: 0 }));
      expect(rotated).toMatchObject({ secret: "brand-new-secret", previousSecretExpiresAt: null });
      expect(await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ previousSecret: null });
    });

    it("refuses to rotate a source that does not sign (409) or to a malformed secret (400)", async () => {
      const plain = await create({ name: "plain2" });
      expect((await appError(rotateSourceSecret(store, plain.id, rotateSecretSchema.parse({})))).status).toBe(409);
      const sw = await create({ name: "sw2", signingScheme: "standard_webhooks" });
      expect((await appError(rotateSourceSecret(store, sw.id, rotateSecretSchema.parse({ secret: "not-whsec" })))).code).toBe("validation_failed");
    });
  });

  describe("delete", () => {
    it("deletes a source and its inbound records", async () => {
      const s = await create({ name: "gone" });
      const deps = makeDeps(t.db);
      await send(deps, { id: "e" }, { source: "gone" });
      expect(await t.db.prisma.inboundEvent.count()).toBe(1);
      await deleteSource(store, s.id);
      expect(await t.db.prisma.inboundSource.count({ where: { id: s.id } })).toBe(0);
      expect(await t.db.prisma.inboundEvent.count()).toBe(0);
      expect((await appError(deleteSource(store, s.id))).status).toBe(404);
    });

    it("refuses to delete the default source with 409", async () => {
      const err = await appError(deleteSource(store, await defaultId()));
      expect(err.status).toBe(409);
      expect(await t.db.prisma.inboundSource.count({ where: { name: "default" } })).toBe(1);
    });
  });
});

describe.each(testProviders())("the /api/sources routes on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(async () => {
    await resetInbound(t.db);
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", t.url);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const jsonRequest = (method: string, body?: unknown) =>
    new Request("http://localhost/api/sources", { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("create, list, get, edit, rotate and delete through HTTP", async () => {
    const collection = await import("@/app/api/sources/route");
    const item = await import("@/app/api/sources/[id]/route");
    const rotate = await import("@/app/api/sources/[id]/rotate-secret/route");

    const created = await collection.POST(jsonRequest("POST", { name: "acme", signingScheme: "standard_webhooks" }), undefined);
    expect(created.status).toBe(201);
    const source = (await created.json()) as { id: string; secret: string };
    expect(source.secret).toMatch(/^whsec_/);

    const list = await collection.GET(jsonRequest("GET"), undefined);
    expect(list.status).toBe(200);
    const listed = (await list.json()) as { data: { name: string }[] };
    expect(listed.data.map((s) => s.name)).toEqual(["default", "acme"]);
    expect(JSON.stringify(listed)).not.toContain(source.secret);

    const got = await item.GET(jsonRequest("GET"), params(source.id));
    expect(await got.json()).toMatchObject({ id: source.id, name: "acme", secretHint: expect.stringMatching(/^whsec_••••/) });

    const patched = await item.PATCH(jsonRequest("PATCH", { idempotencyTtlSeconds: 120 }), params(source.id));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ idempotencyTtlSeconds: 120 });

    const rotated = await rotate.POST(new Request("http://localhost/x", { method: "POST" }), params(source.id));
    expect(rotated.status).toBe(200);
    const r = (await rotated.json()) as { secret: string; previousSecretExpiresAt: string };
    expect(r.secret).toMatch(/^whsec_/);
    expect(r.secret).not.toBe(source.secret);
    expect(Date.parse(r.previousSecretExpiresAt)).toBeGreaterThan(Date.now());

    const deleted = await item.DELETE(jsonRequest("DELETE"), params(source.id));
    expect(deleted.status).toBe(204);
    const missing = await item.GET(jsonRequest("GET"), params(source.id));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Inbound source not found" } });
  });

  it("answers bad input with the one error shape", async () => {
    const collection = await import("@/app/api/sources/route");
    const item = await import("@/app/api/sources/[id]/route");
    const rotate = await import("@/app/api/sources/[id]/rotate-secret/route");

    const invalid = await collection.POST(jsonRequest("POST", { name: "Bad Name", idempotencyTtlSeconds: 10, surprise: true }), undefined);
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d) => d.path).sort()).toEqual(["", "idempotencyTtlSeconds", "name"]);

    const notJson = await collection.POST(new Request("http://localhost/api/sources", { method: "POST", body: "{" }), undefined);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: "invalid_json" } });

    const defaultSource = await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { name: "default" } });
    const refused = await item.DELETE(jsonRequest("DELETE"), params(defaultSource.id));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: "conflict" } });

    const badRotate = await rotate.POST(new Request("http://localhost/x", { method: "POST", body: "nope" }), params(defaultSource.id));
    expect(badRotate.status).toBe(400);
    expect(await badRotate.json()).toMatchObject({ error: { code: "invalid_json" } });
  });
});
