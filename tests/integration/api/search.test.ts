// One search box for the operator: ids, a provider's event id, event-type prefixes, payload
// text and a JSON member's value, through the running server.
import { beforeAll, describe, expect, it } from "vitest";
import { addInboundDeadLetter } from "@/lib/dlq/add-dead-letter";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";

interface Hit {
  kind: string;
  id: string;
  matched: string;
}
interface Result {
  exact: Hit | null;
  data: Hit[];
}

describe.each(testProviders())("search on %s", (db) => {
  const app = useApp(db);
  let eventId: string;
  let deliveryId: string;
  let messageId: string;

  const search = async (q: string) => {
    const res = await app.operator.fetch(`/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Result;
  };

  beforeAll(async () => {
    const endpoint = await app.operator.json("POST", "/api/endpoints", { url: "http://127.0.0.1:9/search", eventTypes: ["order.*"] });
    expect(endpoint.status).toBe(201);
    const answer = await app.postWebhook({ id: "evt_1042", type: "order.paid", data: { note: "needle-in-the-payload" } });
    expect(answer.status).toBe(200);
    ({ id: eventId, messageId } = (await answer.json()) as { id: string; messageId: string });
    await app.postWebhook({ id: "evt_2000", type: "invoice.paid", data: { customer: { email: "ann@example.com" }, amount: 2000, paid: true } });
    // The same address elsewhere in the payload: a path search must tell the two apart.
    await app.postWebhook({ id: "evt_3000", type: "invoice.paid", data: { note: "ann@example.com asked for a refund", amount: 20.5 } });
    const deliveries = (await (await app.operator.fetch("/api/deliveries")).json()) as { data: { id: string }[] };
    deliveryId = deliveries.data[0].id;
  });

  it("a provider's event id opens its inbound event", async () => {
    expect(await search("evt_1042")).toMatchObject({ exact: { kind: "inbound_event", id: eventId, matched: "event id (idempotency key)" } });
  });

  it("Hookrelay's own ids, and a message id (the webhook-id endpoints receive), find their record", async () => {
    expect((await search(deliveryId)).exact).toMatchObject({ kind: "delivery", id: deliveryId });
    expect((await search(eventId)).exact).toMatchObject({ kind: "inbound_event", id: eventId });
    expect((await search(messageId)).exact).toMatchObject({ kind: "delivery", id: deliveryId, matched: "message id (webhook-id)" });
  });

  it("an event-type prefix finds the events and deliveries of every type under it, and nothing else", async () => {
    const result = await search("order.*");
    expect(result.exact).toBeNull();
    expect(result.data.map((h) => [h.kind, h.id])).toEqual([
      ["inbound_event", eventId],
      ["delivery", deliveryId],
    ]);
  });

  it("other text is looked for inside payloads", async () => {
    const result = await search("needle-in-the");
    expect(result.data.map((h) => [h.kind, h.matched])).toEqual([
      ["inbound_event", "payload"],
      ["delivery", "payload"],
    ]);
    expect((await search("no-such-text-anywhere")).data).toEqual([]);
  });

  it("payload text is found whatever its case, the moment the event is stored, and only as written", async () => {
    expect((await search("NEEDLE-In-The")).data).toHaveLength(2);
    const answer = await app.postWebhook({ id: "evt_4000", type: "invoice.paid", data: { reference: "Quarterly-Report-77" } });
    const { id } = (await answer.json()) as { id: string };
    expect((await search("quarterly-report-77")).data.map((h) => h.id)).toEqual([id]);
    // The same words with other characters between them are other text.
    expect((await search("quarterly report 77")).data).toEqual([]);
  });

  it("a JSON member equal to a value finds the payloads holding that value at that path, and only those", async () => {
    const byEmail = await search("data.customer.email=ann@example.com");
    expect(byEmail.data.map((h) => [h.kind, h.matched])).toEqual([["inbound_event", "payload data.customer.email"]]);
    expect((await search("example.com")).data).toHaveLength(2);
    expect((await search("$.data.amount = 2000")).data).toHaveLength(1);
    expect((await search("data.amount=20.5")).data).toHaveLength(1);
    expect((await search("data.paid=true")).data).toHaveLength(1);
    expect((await search('data.amount="2000"')).data).toEqual([]);
    expect((await search("data.amount=2001")).data).toEqual([]);
  });

  it("?q= narrows the deliveries, inbound events and dead letters lists to what the search box finds", async () => {
    const list = async (path: string) => {
      const res = await app.operator.fetch(path);
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: { id: string }[] }).data.map((r) => r.id);
    };
    const q = encodeURIComponent;
    expect(await list(`/api/deliveries?q=evt_1042`)).toEqual([deliveryId]);
    expect(await list(`/api/deliveries?q=${q("order.*")}`)).toEqual([deliveryId]);
    expect(await list(`/api/deliveries?q=needle-in-the`)).toEqual([deliveryId]);
    expect(await list(`/api/deliveries?q=${q("data.amount=2000")}`)).toEqual([]);

    expect(await list(`/api/inbound?q=${q("data.customer.email=ann@example.com")}`)).toHaveLength(1);
    expect(await list(`/api/inbound?q=example.com`)).toHaveLength(2);
    expect(await list(`/api/inbound?q=${messageId}`)).toEqual([eventId]);
    expect(await list(`/api/inbound?q=no-such-words-anywhere`)).toEqual([]);

    const refunded = await app.db.prisma.inboundEvent.findFirstOrThrow({ where: { idempotencyKey: "evt_3000" } });
    const letterId = await addInboundDeadLetter(app.db.prisma, { inboundEventId: refunded.id, eventType: refunded.eventType, payload: refunded.payload, reason: "unrecoverable", errorDetails: "test" });
    expect(await list(`/api/dlq?q=evt_3000`)).toEqual([letterId]);
    expect(await list(`/api/dlq?q=refund`)).toEqual([letterId]);
    expect(await list(`/api/dlq?q=evt_1042`)).toEqual([]);
  });

  it("an empty search is a 400 that says so", async () => {
    const res = await app.operator.fetch("/api/search?q=%20");
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("Type something to search for");
  });
});
