// Provider headers travel: an endpoint receives them as x-hookrelay-source-*, sent by the
// worker of the running server to a real HTTP receiver.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";
import { TestReceiver } from "@/tests/support/receiver";
import { createSource, send, uniqueName, until } from "./http";

describe.each(testProviders())("provider headers forwarded to endpoints on %s", (db) => {
  const app = useApp(db, { env: { HOOKRELAY_WORKER: "true" } });
  const receiver = new TestReceiver();

  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it("sends the source's name and the preset's provider headers with the delivery, and never the provider's signature", async () => {
    const secret = "shpss_forwarding_test_secret_01";
    const { name } = await createSource(app, { name: uniqueName("shop"), provider: "shopify", secret });
    await app.db.prisma.endpoint.create({ data: { url: `${receiver.url}/hook`, secret: `whsec_${Buffer.alloc(24, 3).toString("base64")}`, eventTypes: "[]" } });
    const body = '{"id":450789469,"email":"bob@example.com"}';
    const signature = createHmac("sha256", secret).update(body).digest("base64");
    const answer = await send(app, name, {
      body,
      headers: { "x-shopify-hmac-sha256": signature, "x-shopify-topic": "orders/paid", "x-shopify-shop-domain": "forwarding.myshopify.com", "x-shopify-event-id": "ev-forward-1", "x-shopify-api-version": "2025-10" },
    });
    expect(answer).toMatchObject({ status: 200, json: { deliveries: 1 } });

    const delivered = await until(async () => receiver.requests[0], "the delivery to arrive");
    expect(delivered.body).toBe(body);
    expect(delivered.headers).toMatchObject({
      "x-hookrelay-source": name,
      "x-hookrelay-source-shopify-topic": "orders/paid",
      "x-hookrelay-source-shopify-shop-domain": "forwarding.myshopify.com",
      "x-hookrelay-source-shopify-event-id": "ev-forward-1",
      "x-hookrelay-source-shopify-api-version": "2025-10",
      "x-hookrelay-event-type": "orders/paid",
    });
    // Hookrelay signs the delivery with the endpoint's own secret; the provider's signature stays behind.
    expect(JSON.stringify(delivered.headers)).not.toContain(signature);
    expect(delivered.headers["webhook-signature"]).toMatch(/^v1,/);
  });
});
