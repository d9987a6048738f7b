import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { beforeEach, describe, expect, it } from "vitest";
import { SourceCache } from "@/lib/inbound/source-cache";
import { createSourceSchema, rotateSecretSchema } from "@/lib/inbound/source-schema";
import { createSource, rotateSourceSecret, updateSource, type SourceStore } from "@/lib/inbound/sources";
import { testProviders, useTestDatabase } from "../../support/databases";
import { countRows, makeDeps, resetInbound, send, type TestDeps } from "./helpers";

/** Headers a Standard Webhooks sender puts on a request, made with the reference library. */
function standardHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(secret).sign(id, at, body) };
}

describe.each(testProviders())("signatures on %s", (provider) => {
  const t = useTestDatabase(provider);
  let deps: TestDeps;
  let store: SourceStore;

  beforeEach(async () => {
    await resetInbound(t.db);
    deps = makeDeps(t.db);
    // Edits go through the same cache the receive path reads, as in the running server.
    store = { db: t.db, cache: deps.sources, now: deps.now };
  });

  async function standardSource(): Promise<string> {
    const created = await createSource(store, createSourceSchema.parse({ name: "svix", signingScheme: "standard_webhooks" }));
    return created.secret as string;
  }

  describe("Standard Webhooks", () => {
    const body = '{"type":"invoice.paid","data":{"n":1}}';

    it("accepts a request signed with the source's secret, keyed by webhook-id", async () => {
      const secret = await standardSource();
      const reply = await send(deps, body, { source: "svix", headers: standardHeaders(secret, "msg_1", new Date(deps.now()), body) });
      expect(reply.status).toBe(200);
      expect(reply.json).toMatchObject({ status: "processed", idempotencyKey: "msg_1", keySource: "header.webhook-id" });
    });

    it.each([
      ["a tampered body", (h: Record<string, string>) => ({ headers: h, body: body.replace("1", "2") })],
      ["a signature made with another secret", (_h: Record<string, string>, now: Date) => ({ headers: standardHeaders("whsec_" + Buffer.alloc(24, 7).toString("base64"), "msg_1", now, body), body })],
      ["a changed webhook-id", (h: Record<string, string>) => ({ headers: { ...h, "webhook-id": "msg_2" }, body })],
      ["no signature header", (h: Record<string, string>) => ({ headers: { "webhook-id": h["webhook-id"], "webhook-timestamp": h["webhook-timestamp"] }, body })],
      ["a non-numeric timestamp", (h: Record<string, string>) => ({ headers: { ...h, "webhook-timestamp": "yesterday" }, body })],
    ])("refuses %s with 401 and stores nothing", async (_name, tamper) => {
      const secret = await standardSource();
      const now = new Date(deps.now());
      const request = tamper(standardHeaders(secret, "msg_1", now, body), now);
      const reply = await send(deps, request.body, { source: "svix", headers: request.headers });
      expect(reply.status).toBe(401);
      expect(reply.json).toMatchObject({ error: { code: "invalid_signature" } });
      expect(await countRows(t.db)).toEqual({ events: 0, deadLetters: 0, messages: 0 });
    });

    it.each([
      ["six minutes old", -6 * 60_000, "old"],
      ["six minutes in the future", 6 * 60_000, "future"],
    ])("refuses a signature %s as stale", async (_name, offset, word) => {
      const secret = await standardSource();
      const at = new Date(deps.now() + offset);
      const reply = await send(deps, body, { source: "svix", headers: standardHeaders(secret, "msg_1", at, body) });
      expect(reply.status).toBe(401);
      expect(String((reply.json.error as { message: string }).message)).toMatch(new RegExp(`^Stale signature.*${word}`));
      expect(await countRows(t.db)).toEqual({ events: 0, deadLetters: 0, messages: 0 });
    });

    it("accepts a signature four minutes old (inside the 5-minute tolerance)", async () => {
      const secret = await standardSource();
      const reply = await send(deps, body, { source: "svix", headers: standardHeaders(secret, "msg_1", new Date(deps.now() - 4 * 60_000), body) });
      expect(reply.status).toBe(200);
    });

    it("accepts a header carrying several signatures when one of them matches", async () => {
      const secret = await standardSource();
      const headers = standardHeaders(secret, "msg_1", new Date(deps.now()), body);
      headers["webhook-signature"] = `v1,${Buffer.alloc(32).toString("base64")} v2,ignored ${headers["webhook-signature"]}`;
      expect((await send(deps, body, { source: "svix", headers })).status).toBe(200);
    });

    it("accepts the previous secret during a rotation's grace period and refuses it afterwards", async () => {
      const oldSecret = await standardSource();
      const source = await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { name: "svix" } });
      const rotated = await rotateSourceSecret(store, source.id, rotateSecretSchema.parse({}));
      const newSecret = rotated.secret as string;
      expect(newSecret).not.toBe(oldSecret);

      const signedWith = (secret: string, id: string) => send(deps, body, { source: "svix", headers: standardHeaders(secret, id, new Date(deps.now()), body) });
      expect((await signedWith(newSecret, "r1")).status).toBe(200);
      expect((await signedWith(oldSecret, "r2")).status).toBe(200);

      deps.clock.advance(24 * 3600 * 1000 + 1_000);
      expect((await signedWith(newSecret, "r3")).status).toBe(200);
      const late = await signedWith(oldSecret, "r4");
      expect(late.status).toBe(401);
      expect(await t.db.prisma.inboundEvent.count()).toBe(3);
    });
  });

  describe("generic HMAC-SHA256", () => {
    const body = '{"action":"opened","number":7}';
    const hmac = (secret: string, encoding: "hex" | "base64") => createHmac("sha256", secret).update(body).digest(encoding);

    async function hmacSource(): Promise<string> {
      const created = await createSource(
        store,
        createSourceSchema.parse({ name: "github", signingScheme: "hmac_sha256", secret: "it's a secret to everybody", signatureHeader: "X-Hub-Signature-256", signaturePrefix: "sha256=" }),
      );
      return created.secret as string;
    }

    it("accepts the hex digest with its prefix in the configured header", async () => {
      const secret = await hmacSource();
      const reply = await send(deps, body, { source: "github", headers: { "X-Hub-Signature-256": `sha256=${hmac(secret, "hex")}`, "X-GitHub-Event": "pull_request" } });
      expect(reply.status).toBe(200);
      expect(await t.db.prisma.inboundEvent.findFirstOrThrow()).toMatchObject({ eventType: "pull_request", keySource: "content_hash" });
    });

    it("accepts a base64 digest without the prefix", async () => {
      const secret = await hmacSource();
      expect((await send(deps, body, { source: "github", headers: { "x-hub-signature-256": hmac(secret, "base64") } })).status).toBe(200);
    });

    it.each([
      ["a wrong digest", () => ({ "x-hub-signature-256": `sha256=${"0".repeat(64)}` })],
      ["the digest in another header", (secret: string) => ({ "x-signature-256": `sha256=${hmac(secret, "hex")}` })],
      ["a digest made with another secret", () => ({ "x-hub-signature-256": `sha256=${createHmac("sha256", "other").update(body).digest("hex")}` })],
    ])("refuses %s with 401 and stores nothing", async (_name, headers) => {
      const secret = await hmacSource();
      const reply = await send(deps, body, { source: "github", headers: headers(secret) });
      expect(reply.status).toBe(401);
      expect(reply.json).toMatchObject({ error: { code: "invalid_signature" } });
      expect(await countRows(t.db)).toEqual({ events: 0, deadLetters: 0, messages: 0 });
    });
  });

  it("a source without signing accepts unsigned requests", async () => {
    await createSource(store, createSourceSchema.parse({ name: "open" }));
    expect((await send(deps, { id: "u1" }, { source: "open" })).status).toBe(200);
  });

  it("a newly created source is found at once although an earlier request cached its absence", async () => {
    expect((await send(deps, { id: "n1" }, { source: "late" })).status).toBe(404);
    await createSource(store, createSourceSchema.parse({ name: "late" }));
    expect((await send(deps, { id: "n1" }, { source: "late" })).status).toBe(200);
  });

  it("the default source can be made to require signatures", async () => {
    const cache = new SourceCache();
    const fresh = makeDeps(t.db, { sources: cache });
    expect((await send(fresh, { id: "d1" })).status).toBe(200);
    const source = await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { name: "default" } });
    const updated = await updateSource({ db: t.db, cache }, source.id, { signingScheme: "standard_webhooks" });
    try {
      expect((await send(fresh, { id: "d2" })).status).toBe(401);
      const body = '{"id":"d3"}';
      expect((await send(fresh, body, { headers: standardHeaders(updated.secret as string, "m", new Date(), body) })).status).toBe(200);
    } finally {
      await updateSource({ db: t.db, cache }, source.id, { signingScheme: "none" });
    }
  });
});
