import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApp } from "../../support/app-server";
import { testProviders } from "../../support/databases";
import { TestReceiver, waitFor } from "../../support/receiver";

describe.each(testProviders())("hostile input through the built app on %s", (provider) => {
  // The in-process worker delivers to a receiver on loopback (private destinations allowed).
  const app = useApp(provider, { env: { HOOKRELAY_WORKER: "true", HOOKRELAY_WORKER_POLL_MS: "100" } });
  const receiver = new TestReceiver();
  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it("sends a signed-in operator only to a path on this site after sign-in, whatever the URL parser strips", async () => {
    for (const next of ["/%09/evil.example", "/%0a/evil.example", "/%0d/evil.example", "/%09%5Cevil.example", "//evil.example", "/%5Cevil.example"]) {
      const res = await app.operator.fetch(`/sign-in?next=${next}`, { redirect: "manual" });
      expect(res.status, next).toBe(307);
      expect(new URL(res.headers.get("location")!, app.url).origin, next).toBe(app.url);
    }
    const kept = await app.operator.fetch("/sign-in?next=%2Fdeliveries%3Fstatus%3Ddead", { redirect: "manual" });
    expect(new URL(kept.headers.get("location")!, app.url).href).toBe(`${app.url}/deliveries?status=dead`);
  });

  it("delivers events whose type is not Latin-1 or holds control characters, the type percent-encoded in its header", async () => {
    const types = ["注文.作成", "заказ.создан", "line\r\nbreak", "100% done"];
    expect((await app.operator.json("POST", "/api/endpoints", { url: receiver.url, eventTypes: types })).status).toBe(201);
    const ids: string[] = [];
    for (const eventType of types) {
      const res = await app.operator.json("POST", "/api/messages", { eventType, payload: { eventType } });
      expect(res.status, eventType).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const sent = await waitFor(() => (ids.every((id) => receiver.requests.some((r) => r.headers["webhook-id"] === id)) ? receiver.requests : null), 30_000);
    for (const [i, eventType] of types.entries()) {
      const request = sent.find((r) => r.headers["webhook-id"] === ids[i])!;
      const header = String(request.headers["x-hookrelay-event-type"]);
      expect(header).toMatch(/^[\x21-\x7e]+$/);
      expect(decodeURIComponent(header)).toBe(eventType);
    }
    expect(await app.db.prisma.deadLetter.count()).toBe(0);
  });

  it("refuses a NUL in an event type with the same 400 on every database, and stores nothing", async () => {
    const before = await app.db.prisma.message.count();
    const res = await app.operator.json("POST", "/api/messages", { eventType: "order.\u0000created", payload: {} });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "bad_request", message: expect.stringContaining("U+0000") });
    expect(await app.db.prisma.message.count()).toBe(before);
  });
});

describe("endpoint destinations through the built app, private ones refused as in production", () => {
  const app = useApp(testProviders()[0], { env: { HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS: "false" } });

  it("refuses endpoints on IPv6 addresses that carry a loopback, link-local or private IPv4 address", async () => {
    for (const url of ["http://[::127.0.0.1]/hook", "http://[::169.254.169.254]/latest/meta-data", "http://[::10.0.0.1]/hook", "http://[64:ff9b::127.0.0.1]/hook", "http://[::ffff:0:10.0.0.1]/hook"]) {
      const res = await app.operator.json("POST", "/api/endpoints", { url });
      expect(res.status, url).toBe(400);
      const body = (await res.json()) as { error: { details: { path: string; message: string }[] } };
      expect(body.error.details[0], url).toMatchObject({ path: "url", message: expect.stringMatching(/^Destination refused: .* is a (loopback|link-local|private network) address\b.*; only public internet addresses are allowed$/) });
    }
    expect(await app.db.prisma.endpoint.count()).toBe(0);
  });
});
