// An operator's action acts once per Idempotency-Key: a second click or a retried request
// gets the first answer instead of a second replay, reprocess or job.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTION_KEY_WINDOW_MS, idempotentAction } from "@/lib/http/idempotent-action";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";

describe.each(testProviders())("idempotent operator actions on %s", (db) => {
  const app = useApp(db);
  let deliveryId: string;

  const replay = (key?: string) => app.operator.json("POST", `/api/deliveries/${deliveryId}/replay`, {}, key === undefined ? {} : { "idempotency-key": key });
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
    await app.db.prisma.operatorAction.create({ data: { id: "test.scope:old-key", status: 202, body: '{"first":true}', createdAt: new Date(now - ACTION_KEY_WINDOW_MS - 1) } });
    let runs = 0;
    const run = async () => {
      runs++;
      return Response.json({ second: true }, { status: 202 });
    };
    const req = new Request("http://hookrelay.test/x", { method: "POST", headers: { "idempotency-key": "old-key" } });
    const res = await idempotentAction(app.db, req, "test.scope", run, () => now);
    expect(await res.json()).toEqual({ second: true });
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(runs).toBe(1);
  });

  it("a key that is too long is refused with the reason, and nothing is done", async () => {
    const before = (await replays()).length;
    const res = await replay("k".repeat(201));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "bad_request", message: "The Idempotency-Key header has 1 to 200 characters" } });
    expect(await replays()).toHaveLength(before);
  });
});
