// An operator's action acts once per Idempotency-Key: a second click or a retried request
// gets the first answer instead of a second replay, reprocess or job.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTION_KEY_WINDOW_MS, idempotentAction } from "@/lib/http/idempotent-action";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";

describe.each(testProviders())("idempotent operator actions on %s", (db) => {
  const app = useApp(db);
  let deliveryId: string;

  const replay = (key?: string, body: object = {}) => app.operator.json("POST", `/api/deliveries/${deliveryId}/replay`, body, key === undefined ? {} : { "idempotency-key": key });
  const replays = async () => (await app.db.prisma.delivery.findMany({ where: { replayOfId: deliveryId }, select: { id: true } })).map((d) => d.id).sort();

  beforeAll(async () => {
    expect((await app.operator.json("POST", "/api/endpoints", { url: "http://127.0.0.1:9/actions", eventTypes: ["action.*"] })).status).toBe(201);
    expect((await app.postWebhook({ id: `evt_actions_${db}`, type: "action.test" })).status).toBe(200);
    deliveryId = (await app.db.prisma.delivery.findFirstOrThrow({ where: { message: { eventType: "action.test" } } })).id;
  });

  it("two requests with one key at the same moment (a double click) make one replay, and both get its answer", async () => {
    const [a, b] = await Promise.all([replay("click-1"), replay("click-1")]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const [first, second] = [(await a.json()) as { id: string }, (await b.json()) as { id: string }];
    expect(second.id).toBe(first.id);
    expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].sort()).toEqual(["true", null].sort());
    expect(await replays()).toEqual([first.id]);

    const later = await replay("click-1");
    expect(((await later.json()) as { id: string }).id).toBe(first.id);
    expect(await replays()).toEqual([first.id]);
  });

  it("a new key, or none, is a new action", async () => {
    const before = (await replays()).length;
    expect((await replay("click-2")).status).toBe(202);
    expect((await replay()).status).toBe(202);
    expect(await replays()).toHaveLength(before + 2);
  });

  it("a key past its window is free again: the action runs anew", async () => {
    const now = Date.now();
    const request = { enableEndpoint: false };
    const requestHash = (await import("node:crypto")).createHash("sha256").update(JSON.stringify(request)).digest("hex");
    await app.db.prisma.operatorAction.create({ data: { id: "test.scope:old-key", requestHash, status: 202, body: '{"first":true}', createdAt: new Date(now - ACTION_KEY_WINDOW_MS - 1) } });
    let runs = 0;
    const run = async () => {
      runs++;
      return Response.json({ second: true }, { status: 202 });
    };
    const req = new Request("http://hookrelay.test/x", { method: "POST", headers: { "idempotency-key": "old-key" } });
    const res = await idempotentAction(app.db, req, { scope: "test.scope", request }, run, () => now);
    expect(await res.json()).toEqual({ second: true });
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(runs).toBe(1);
  });

  it("a key used again for a different request is refused with 422, and nothing is done", async () => {
    const before = (await replays()).length;
    expect((await replay("reuse-1")).status).toBe(202);
    const other = await replay("reuse-1", { enableEndpoint: true });
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: { code: "idempotency_mismatch", message: "This Idempotency-Key was already used for a different request" } });
    expect(await replays()).toHaveLength(before + 1);
  });

  it("a key that is too long is refused with the reason, and nothing is done, by the same rule as POST /api/messages", async () => {
    const before = (await replays()).length;
    const res = await replay("k".repeat(256));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "validation_failed", message: "Idempotency-Key has at most 255 characters" } });
    expect(await replays()).toHaveLength(before);
  });

  it("every other action acts once per key too: test events, held deliveries, reprocess and bulk reprocess", async () => {
    const endpoint = (await (await app.operator.json("POST", "/api/endpoints", { url: "http://127.0.0.1:9/once", eventTypes: ["once.*"] })).json()) as { id: string };
    const twice = async (path: string, body?: object) => {
      const [first, second] = [await app.operator.json("POST", path, body, { "idempotency-key": `once-${path}` }), await app.operator.json("POST", path, body, { "idempotency-key": `once-${path}` })];
      expect(second.status).toBe(first.status);
      expect(first.headers.get("idempotent-replayed")).toBeNull();
      expect(second.headers.get("idempotent-replayed")).toBe("true");
      expect(await second.json()).toEqual(await first.json());
      return first.status;
    };
    expect(await twice(`/api/endpoints/${endpoint.id}/test`)).toBe(202);
    expect(await app.db.prisma.delivery.count({ where: { endpointId: endpoint.id, message: { eventType: "hookrelay.test" } } })).toBe(1);

    expect(await twice(`/api/endpoints/${endpoint.id}/held`, { action: "discard" })).toBe(200);

    const message = await app.db.prisma.message.create({ data: { eventType: "once.letter", payload: "{}" } });
    const delivery = await app.db.prisma.delivery.create({ data: { messageId: message.id, endpointId: endpoint.id, status: "dead" } });
    const letter = await app.db.prisma.deadLetter.create({ data: { deliveryId: delivery.id, endpointId: endpoint.id, url: "http://127.0.0.1:9/once", eventType: "once.letter", payload: "{}", reason: "max_retries", attempts: 1 } });
    expect(await twice(`/api/dlq/${letter.id}/reprocess`)).toBe(202);
    expect(await app.db.prisma.delivery.count({ where: { deadLetterId: letter.id } })).toBe(1);

    const other = await app.db.prisma.deadLetter.create({ data: { endpointId: endpoint.id, url: "http://127.0.0.1:9/once", eventType: "once.letter", payload: "{}", reason: "max_retries", attempts: 1 } });
    expect(await twice("/api/dlq/reprocess", { ids: [other.id], ratePerSecond: 1 })).toBe(202);
    expect(await app.db.prisma.bulkJob.count()).toBe(1);
  });
});
