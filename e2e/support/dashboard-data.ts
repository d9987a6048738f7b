// Data for the specs that visit every page: each list has rows, and the rows include the
// long values that widen a page when they do not wrap or truncate (a long URL, a long event
// type), a dead letter, a failing endpoint and a duplicate inbound event. Seeded through
// the API, against a receiver on 127.0.0.1 that answers by path.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type APIRequestContext } from "@playwright/test";

export const LONG_EVENT_TYPE = "com.acme.billing.subscription.invoice.payment_intent.requires_additional_customer_action.v2";

export interface Receiver {
  url: string;
  close: () => Promise<void>;
}

/** /ok → 200, /fail → 503, /reject → 422; anything else 200. */
export async function startReceiver(): Promise<Receiver> {
  const codes: Record<string, number> = { ok: 200, fail: 503, reject: 422 };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const code = codes[(req.url ?? "").split("/")[1]] ?? 200;
      res.writeHead(code, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ code }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function created<T>(api: APIRequestContext, path: string, data: unknown): Promise<T> {
  const res = await api.post(path, { data });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(201);
  return (await res.json()) as T;
}

export interface DashboardData {
  run: string;
  policyId: string;
  policyName: string;
  longEndpointId: string;
  longEndpointUrl: string;
  failingEndpointId: string;
  deliveryId: string;
  inboundId: string;
  deadLetterId: string;
  tokenName: string;
}

export async function seedDashboard(api: APIRequestContext, receiver: Receiver): Promise<DashboardData> {
  const run = Date.now().toString(36);
  const policyName = `Pages ${run}, one retry`;
  const policy = await created<{ id: string }>(api, "/api/policies", {
    name: policyName,
    maxAttempts: 2,
    initialDelayMs: 60_000,
    maxDelayMs: 60_000,
    exponentialBase: 2,
    jitter: 0,
    jitterMode: "none",
    timeoutMs: 5_000,
  });
  const longEndpointUrl = `${receiver.url}/ok/webhooks/receiver/v2/customers/acme-corporation-international/orders-and-subscriptions?token=${run}abcdefghijklmnopqrstuvwxyz0123456789`;
  const longEndpoint = await created<{ id: string }>(api, "/api/endpoints", { url: longEndpointUrl, description: "A receiver with a very long address", eventTypes: [LONG_EVENT_TYPE, `pages.${run}.*`] });
  const failing = await created<{ id: string }>(api, "/api/endpoints", { url: `${receiver.url}/fail/billing-${run}`, eventTypes: [`pages.${run}.invoice`], policyId: policy.id });
  await created(api, "/api/endpoints", { url: `${receiver.url}/reject/crm-${run}`, eventTypes: [`pages.${run}.customer`], policyId: policy.id });

  const message = await created<{ deliveries: { id: string }[] }>(api, "/api/messages", { eventType: LONG_EVENT_TYPE, payload: { run, note: "a long event type" } });
  await created(api, "/api/messages", { eventType: `pages.${run}.invoice`, payload: { run } });
  await created(api, "/api/messages", { eventType: `pages.${run}.customer`, payload: { run } });

  for (const body of [{ id: `evt_${run}_1`, type: LONG_EVENT_TYPE }, { id: `evt_${run}_2`, type: `pages.${run}.created` }, { id: `evt_${run}_1`, type: LONG_EVENT_TYPE }]) {
    const res = await api.post("/api/webhook", { data: body });
    expect(res.ok(), await res.text()).toBe(true);
  }
  const inbound = await api.get(`/api/inbound?eventType=${encodeURIComponent(LONG_EVENT_TYPE)}&limit=1`);
  const inboundId = ((await inbound.json()) as { data: { id: string }[] }).data[0].id;

  // The 422 dead-letters the customer message at its first attempt; the 503 makes its endpoint failing.
  let deadLetterId = "";
  await expect
    .poll(async () => {
      const res = await api.get(`/api/dlq?eventType=pages.${run}.customer&limit=1`);
      deadLetterId = ((await res.json()) as { data: { id: string }[] }).data[0]?.id ?? "";
      return deadLetterId;
    })
    .not.toBe("");
  await expect
    .poll(async () => ((await (await api.get(`/api/endpoints/${failing.id}`)).json()) as { failingSince: string | null }).failingSince)
    .not.toBeNull();

  const tokenName = `pages-${run}-token-with-a-rather-long-name`;
  await created(api, "/api/tokens", { name: tokenName });

  return {
    run,
    policyId: policy.id,
    policyName,
    longEndpointId: longEndpoint.id,
    longEndpointUrl,
    failingEndpointId: failing.id,
    deliveryId: message.deliveries[0].id,
    inboundId,
    deadLetterId,
    tokenName,
  };
}
