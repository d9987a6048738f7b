// Nothing is lost behind a disabled endpoint: its deliveries are held, shown and counted,
// then sent or discarded when the operator says so. Through the running server, with its
// worker delivering to a real receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";
import { TestReceiver, waitFor } from "@/tests/support/receiver";

describe.each(testProviders())("deliveries held behind a disabled endpoint on %s", (db) => {
  const app = useApp(db, { env: { HOOKRELAY_WORKER: "true" } });
  const receiver = new TestReceiver();

  beforeAll(async () => {
    await receiver.start();
    receiver.respondWith(() => ({ status: 200 }));
  });
  afterAll(async () => {
    await receiver.stop();
  });

  async function newEndpoint(eventType: string): Promise<string> {
    const res = await app.operator.json("POST", "/api/endpoints", { url: `${receiver.url}/${eventType}`, eventTypes: [eventType] });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  const setEnabled = (id: string, enabled: boolean) => app.operator.json("PATCH", `/api/endpoints/${id}`, { enabled });
  const held = (id: string, action: string) => app.operator.json("POST", `/api/endpoints/${id}/held`, { action });
  const endpoint = async (id: string) => (await (await app.operator.fetch(`/api/endpoints/${id}`)).json()) as { heldDeliveries: number };
  const deliveries = async (id: string, status: string) =>
    ((await (await app.operator.fetch(`/api/deliveries?endpointId=${id}&status=${status}`)).json()) as { data: { id: string; lastError: string | null }[] }).data;
  const arrived = (eventType: string) => receiver.requests.filter((r) => r.headers["x-hookrelay-event-type"] === eventType);

  it("holds what arrives while it is disabled, and sends all of it once re-enabled and asked", async () => {
    const id = await newEndpoint("held.send");
    expect((await setEnabled(id, false)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const res = await app.postWebhook({ id: `evt_held_${db}_${i}`, type: "held.send" });
      expect(res.status).toBe(200);
    }
    expect(await endpoint(id)).toMatchObject({ heldDeliveries: 5 });
    expect(await deliveries(id, "held")).toHaveLength(5);

    const tooSoon = await held(id, "send");
    expect(tooSoon.status).toBe(409);
    expect(await tooSoon.json()).toMatchObject({ error: { code: "conflict", message: "Re-enable the endpoint before sending its held deliveries" } });

    expect((await setEnabled(id, true)).status).toBe(200);
    const sent = await held(id, "send");
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ endpointId: id, action: "send", count: 5 });
    await waitFor(async () => (await deliveries(id, "succeeded")).length === 5 || undefined);
    expect(arrived("held.send")).toHaveLength(5);
    expect(await endpoint(id)).toMatchObject({ heldDeliveries: 0 });
  });

  it("discards them when asked: failed with the reason, never sent", async () => {
    const id = await newEndpoint("held.discard");
    await setEnabled(id, false);
    for (let i = 0; i < 2; i++) await app.postWebhook({ id: `evt_discard_${db}_${i}`, type: "held.discard" });
    const discarded = await held(id, "discard");
    expect(await discarded.json()).toEqual({ endpointId: id, action: "discard", count: 2 });
    const failed = await deliveries(id, "failed");
    expect(failed.map((d) => d.lastError)).toEqual([expect.stringMatching(/^Discarded by an operator/), expect.stringMatching(/^Discarded by an operator/)]);
    expect(await endpoint(id)).toMatchObject({ heldDeliveries: 0 });
    expect(arrived("held.discard")).toHaveLength(0);
  });

  it("refuses an action it does not know with the reason", async () => {
    const id = await newEndpoint("held.bad");
    const res = await held(id, "resend");
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('The action is \\"send\\" or \\"discard\\"');
  });
});
