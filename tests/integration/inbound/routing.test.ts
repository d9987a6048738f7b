// The receive path keeps the endpoints between events (lib/db/hot-path): an endpoint
// created, disabled or deleted through the API must route the very next event.
import { describe, expect, it } from "vitest";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";

describe.each(testProviders())("the endpoints an event goes to, through next start on %s", (provider) => {
  const app = useApp(provider);

  async function deliveriesOf(key: string): Promise<unknown[]> {
    const res = await app.postWebhook({ id: key, type: "order.paid" });
    expect(res.status).toBe(200);
    const { messageId } = (await res.json()) as { messageId: string };
    const deliveries = await app.db.prisma.delivery.findMany({ where: { messageId }, select: { endpointId: true, status: true } });
    return deliveries.map((d) => [d.endpointId, d.status]);
  }

  it("are the endpoints as they stand when the event arrives, whatever changed just before", async () => {
    expect(await deliveriesOf("route_0")).toEqual([]);
    const created = await app.operator.json("POST", "/api/endpoints", { url: "http://127.0.0.1:9/routing", eventTypes: ["order.*"] });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await deliveriesOf("route_1")).toEqual([[id, "pending"]]);
    expect((await app.operator.json("PATCH", `/api/endpoints/${id}`, { enabled: false })).status).toBe(200);
    expect(await deliveriesOf("route_2")).toEqual([[id, "held"]]);
    expect((await app.operator.json("PATCH", `/api/endpoints/${id}`, { enabled: true, eventTypes: ["invoice.*"] })).status).toBe(200);
    expect(await deliveriesOf("route_3")).toEqual([]);
    expect((await app.operator.json("DELETE", `/api/endpoints/${id}`)).status).toBe(204);
    expect(await deliveriesOf("route_4")).toEqual([]);
  });
});
