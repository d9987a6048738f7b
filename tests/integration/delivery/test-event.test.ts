// "Send test event" on an endpoint: one signed hookrelay.test delivery to that endpoint
// alone, whatever its filter, checked by the receiver with the Standard Webhooks library.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";
import { TestReceiver, waitFor } from "@/tests/support/receiver";

describe.each(testProviders())("a test event on %s", (db) => {
  const app = useApp(db, { env: { HOOKRELAY_WORKER: "true" } });
  const receiver = new TestReceiver();

  beforeAll(async () => {
    await receiver.start();
    receiver.respondWith(() => ({ status: 204, headers: { "x-receiver": "test-event" } }));
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it("reaches only that endpoint, signed with its secret, and the delivery shows the answer and both sides' headers", async () => {
    const created = await app.operator.json("POST", "/api/endpoints", { url: `${receiver.url}/test`, eventTypes: ["orders.only"] });
    const { id, secret } = (await created.json()) as { id: string; secret: string };
    await app.operator.json("POST", "/api/endpoints", { url: `${receiver.url}/other`, eventTypes: [] });

    const res = await app.operator.json("POST", `/api/endpoints/${id}/test`);
    expect(res.status).toBe(202);
    const { deliveryId } = (await res.json()) as { deliveryId: string };

    const request = await waitFor(() => receiver.requests[0]);
    const verified = new Webhook(secret).verify(request.body, {
      "webhook-id": String(request.headers["webhook-id"]),
      "webhook-timestamp": String(request.headers["webhook-timestamp"]),
      "webhook-signature": String(request.headers["webhook-signature"]),
    }) as { type: string; data: { endpointId: string } };
    expect(verified).toMatchObject({ type: "hookrelay.test", data: { endpointId: id } });
    expect(request.headers["x-hookrelay-event-type"]).toBe("hookrelay.test");

    const delivery = await waitFor(async () => {
      const d = (await (await app.operator.fetch(`/api/deliveries/${deliveryId}`)).json()) as {
        status: string;
        lastStatusCode: number | null;
        attempts: { requestHeaders: Record<string, string>; responseHeaders: Record<string, string> }[];
      };
      return d.status === "succeeded" ? d : undefined;
    });
    expect(delivery.lastStatusCode).toBe(204);
    const [attempt] = delivery.attempts;
    expect(attempt.requestHeaders).toMatchObject({ "webhook-id": String(request.headers["webhook-id"]), "x-hookrelay-event-type": "hookrelay.test", "webhook-signature": "v1,… (masked)" });
    expect(JSON.stringify(attempt.requestHeaders)).not.toContain(String(request.headers["webhook-signature"]).slice(3));
    expect(attempt.responseHeaders).toMatchObject({ "x-receiver": "test-event" });

    const series = (await (await app.operator.fetch(`/api/endpoints/${id}/series`)).json()) as { bucketMs: number; points: { attempts: number; succeeded: number; p50Ms: number | null }[] };
    expect(series.bucketMs).toBe(3_600_000);
    expect(series.points).toHaveLength(24);
    expect(series.points.filter((p) => p.attempts > 0)).toEqual([expect.objectContaining({ attempts: 1, succeeded: 1, p50Ms: expect.any(Number) })]);
    expect((await app.operator.fetch("/api/endpoints/no-such-endpoint/series")).status).toBe(404);
    expect(receiver.requests).toHaveLength(1);
  });

  it("is refused while the endpoint is disabled, saying how to send it", async () => {
    const created = await app.operator.json("POST", "/api/endpoints", { url: `${receiver.url}/off`, eventTypes: [] });
    const { id } = (await created.json()) as { id: string };
    await app.operator.json("PATCH", `/api/endpoints/${id}`, { enabled: false });
    const res = await app.operator.json("POST", `/api/endpoints/${id}/test`);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "conflict", message: "The endpoint is disabled; re-enable it to send it a test event" } });
  });
});
