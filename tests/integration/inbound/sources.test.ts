import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { SourceCache } from "@/lib/inbound/source-cache";
import { createSourceSchema, rotateSecretSchema, updateSourceSchema } from "@/lib/inbound/source-schema";
import { createSource, deleteSource, getSource, listSources, rotateSourceSecret, updateSource, type SourceStore } from "@/lib/inbound/sources";
import { useApp } from "@/tests/support/app-server";
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

  const create = (input: Record<string, unknown>) => createSource(store, createSourceSchema.parse(input), "system");
  const defaultId = async () => (await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { name: "default" } })).id;

  describe("create", () => {
    it("generates a whsec_ secret for Standard Webhooks and returns it once", async () => {
      const created = await create({ name: "stripe", provider: "standard_webhooks", description: "Stripe" });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(Buffer.from(String(created.secret).slice(6), "base64")).toHaveLength(24);
      expect(created).toMatchObject({
        name: "stripe",
        description: "Stripe",
        provider: "standard_webhooks",
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

    it("generates a hex secret for a custom source and fills in the default header and prefix", async () => {
      const created = await create({ name: "hmac", provider: "custom", idempotencyTtlSeconds: 60, rateLimitPerSecond: 5 });
      expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(created).toMatchObject({ signatureHeader: "x-signature-256", signaturePrefix: "sha256=", signatureEncoding: null, idempotencyTtlSeconds: 60, rateLimitPerSecond: 5 });
    });

    it("leaves a provider-made secret unset until the operator gives it", async () => {
      const created = await create({ name: "stripe-later", provider: "stripe" });
      expect(created).toMatchObject({ provider: "stripe", secret: null, secretHint: null });
      const rotated = await rotateSourceSecret(store, created.id, rotateSecretSchema.parse({ secret: "whsec_from_the_stripe_dashboard" }), "system");
      expect(rotated).toMatchObject({ secret: "whsec_from_the_stripe_dashboard", previousSecretExpiresAt: null });
      expect((await appError(rotateSourceSecret(store, created.id, rotateSecretSchema.parse({}), "system"))).code).toBe("validation_failed");
    });

    it("keeps a secret the provider gave", async () => {
      const secret = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
      expect((await create({ name: "given", provider: "standard_webhooks", secret })).secret).toBe(secret);
    });

    it("has no secret for an unsigned source", async () => {
      expect(await create({ name: "plain" })).toMatchObject({ secret: null, secretHint: null, provider: "none" });
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
    const a = await create({ name: "a-src", provider: "standard_webhooks" });
    const b = await create({ name: "b-src", provider: "custom" });
    const { data: list } = await listSources(store);
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
      const updated = await updateSource(store, s.id, updateSourceSchema.parse({ name: "new-name", description: null, idempotencyTtlSeconds: 3600, rateLimitPerSecond: null }), "system");
      expect(updated).toMatchObject({ name: "new-name", description: null, idempotencyTtlSeconds: 3600, rateLimitPerSecond: null, webhookPath: "/api/webhook/new-name" });
      expect("secret" in updated).toBe(false);
    });

    it("returns a new secret once when the preset changes, and clears it when signing is turned off", async () => {
      const s = await create({ name: "switch" });
      const signed = await updateSource(store, s.id, updateSourceSchema.parse({ provider: "custom", signatureHeader: "X-Sig" }), "system");
      expect(signed.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(signed).toMatchObject({ signatureHeader: "x-sig", signaturePrefix: "sha256=" });
      const off = await updateSource(store, s.id, updateSourceSchema.parse({ provider: "none" }), "system");
      expect(off).toMatchObject({ provider: "none", secret: null, secretHint: null, signatureHeader: null, signaturePrefix: null, signatureEncoding: null });
    });

    it("refuses a secret without a change of scheme (rotation has its own route)", async () => {
      const s = await create({ name: "keep", provider: "custom" });
      const err = await appError(updateSource(store, s.id, updateSourceSchema.parse({ secret: "another-secret" }), "system"));
      expect(err.code).toBe("validation_failed");
      expect(err.details).toEqual([{ path: "secret", message: expect.stringContaining("rotate-secret") }]);
    });

    it("refuses a custom signature header on a Standard Webhooks source", async () => {
      const s = await create({ name: "sw", provider: "standard_webhooks" });
      const err = await appError(updateSource(store, s.id, updateSourceSchema.parse({ signatureHeader: "x-sig" }), "system"));
      expect(err.code).toBe("validation_failed");
    });

    it("refuses to rename the default source with 409, and a taken name with 409", async () => {
      expect((await appError(updateSource(store, await defaultId(), { name: "renamed" }, "system"))).status).toBe(409);
      const s = await create({ name: "mine" });
      await create({ name: "theirs" });
      expect((await appError(updateSource(store, s.id, { name: "theirs" }, "system"))).code).toBe("conflict");
    });

    it("invalidates the receive path's cache so a rename takes effect at once", async () => {
      const deps = makeDeps(t.db);
      const s = await createSource({ db: t.db, cache: deps.sources }, createSourceSchema.parse({ name: "before" }), "system");
      expect((await send(deps, { id: "1" }, { source: "before" })).status).toBe(200);
      await updateSource({ db: t.db, cache: deps.sources }, s.id, { name: "after" }, "system");
      expect((await send(deps, { id: "2" }, { source: "before" })).status).toBe(404);
      expect((await send(deps, { id: "3" }, { source: "after" })).status).toBe(200);
    });
  });

  describe("rotate", () => {
    it("returns a new secret and keeps the previous one valid for 24 hours by default", async () => {
      const s = await create({ name: "rot", provider: "standard_webhooks" });
      const rotated = await rotateSourceSecret(store, s.id, rotateSecretSchema.parse({}), "system");
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(s.secret);
      expect(rotated.previousSecretExpiresAt?.getTime()).toBe(now + 24 * 3600 * 1000);
      const row = await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { id: s.id } });
      expect(row).toMatchObject({ secret: rotated.secret, previousSecret: s.secret });
      now += 24 * 3600 * 1000;
      expect((await getSource(store, s.id)).previousSecretExpiresAt).toBeNull();
    });

    it("ends the old secret at once when asked, and takes a given secret", async () => {
      const s = await create({ name: "rot2", provider: "custom" });
      const rotated = await rotateSourceSecret(store, s.id, rotateSecretSchema.parse({ secret: "brand-new-secret", previousSecretValidSeconds: 0 }), "system");
      expect(rotated).toMatchObject({ secret: "brand-new-secret", previousSecretExpiresAt: null });
      expect(await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ previousSecret: null });
    });

    it("refuses to rotate a source that does not check signatures (409) or to a malformed secret (400)", async () => {
      const plain = await create({ name: "plain2" });
      expect((await appError(rotateSourceSecret(store, plain.id, rotateSecretSchema.parse({}), "system"))).status).toBe(409);
      const sw = await create({ name: "sw2", provider: "standard_webhooks" });
      expect((await appError(rotateSourceSecret(store, sw.id, rotateSecretSchema.parse({ secret: "not-whsec" }), "system"))).code).toBe("validation_failed");
    });
  });

  describe("delete", () => {
    it("deletes a source and its inbound records", async () => {
      const s = await create({ name: "gone" });
      const deps = makeDeps(t.db);
      await send(deps, { id: "e" }, { source: "gone" });
      expect(await t.db.prisma.inboundEvent.count()).toBe(1);
      await deleteSource(store, s.id, "system");
      expect(await t.db.prisma.inboundSource.count({ where: { id: s.id } })).toBe(0);
      expect(await t.db.prisma.inboundEvent.count()).toBe(0);
      expect((await appError(deleteSource(store, s.id, "system"))).status).toBe(404);
    });

    it("refuses to delete the default source with 409", async () => {
      const err = await appError(deleteSource(store, await defaultId(), "system"));
      expect(err.status).toBe(409);
      expect(await t.db.prisma.inboundSource.count({ where: { name: "default" } })).toBe(1);
    });
  });
});

describe.each(testProviders())("the /api/sources routes through next start on %s", (provider) => {
  const app = useApp(provider);

  it("create, list, get, edit, rotate and delete", async () => {
    const created = await app.operator.json("POST", "/api/sources", { name: "acme", provider: "standard_webhooks" });
    expect(created.status).toBe(201);
    const source = (await created.json()) as { id: string; secret: string };
    expect(source.secret).toMatch(/^whsec_/);

    const list = await app.operator.fetch("/api/sources");
    expect(list.status).toBe(200);
    const listed = (await list.json()) as { data: { name: string; provider: string }[] };
    expect(listed.data.map((s) => [s.name, s.provider])).toEqual([
      ["default", "none"],
      ["acme", "standard_webhooks"],
    ]);
    expect(JSON.stringify(listed)).not.toContain(source.secret);

    const got = await app.operator.fetch(`/api/sources/${source.id}`);
    expect(await got.json()).toMatchObject({ id: source.id, name: "acme", provider: "standard_webhooks", secretHint: expect.stringMatching(/^whsec_••••/), refusedLastDay: 0 });

    const patched = await app.operator.json("PATCH", `/api/sources/${source.id}`, { idempotencyTtlSeconds: 120, description: "Acme billing" });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ idempotencyTtlSeconds: 120, description: "Acme billing" });

    const rotated = await app.operator.fetch(`/api/sources/${source.id}/rotate-secret`, { method: "POST" });
    expect(rotated.status).toBe(200);
    const r = (await rotated.json()) as { secret: string; previousSecretExpiresAt: string };
    expect(r.secret).toMatch(/^whsec_/);
    expect(r.secret).not.toBe(source.secret);
    expect(Date.parse(r.previousSecretExpiresAt)).toBeGreaterThan(Date.now());

    const deleted = await app.operator.fetch(`/api/sources/${source.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    const missing = await app.operator.fetch(`/api/sources/${source.id}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Inbound source not found" } });
  });

  it("answers bad input with the one error shape", async () => {
    const invalid = await app.operator.json("POST", "/api/sources", { name: "Bad Name", provider: "paypal", idempotencyTtlSeconds: 10, surprise: true });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d) => d.path).sort()).toEqual(["", "idempotencyTtlSeconds", "name", "provider"]);

    const notJson = await app.operator.json("POST", "/api/sources", "{");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: "invalid_json" } });

    const sources = (await (await app.operator.fetch("/api/sources")).json()) as { data: { id: string; name: string }[] };
    const defaultId = sources.data.find((s) => s.name === "default")?.id as string;
    const refused = await app.operator.fetch(`/api/sources/${defaultId}`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: "conflict" } });

    const badRotate = await app.operator.json("POST", `/api/sources/${defaultId}/rotate-secret`, "nope");
    expect(badRotate.status).toBe(400);
    expect(await badRotate.json()).toMatchObject({ error: { code: "invalid_json" } });
  });
});
