// A delivery remembers the retry policy its attempts ran under: editing the policy later
// changes what comes next, not the story of what happened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";
import { TestReceiver, waitFor } from "@/tests/support/receiver";

describe.each(testProviders())("the policy a delivery ran under on %s", (db) => {
  const app = useApp(db, { env: { HOOKRELAY_WORKER: "true" } });
  const receiver = new TestReceiver();

  beforeAll(async () => {
    await receiver.start();
    receiver.respondWith(() => ({ status: 500 }));
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it("shows the policy of its last attempt beside today's after the policy was edited", async () => {
    const created = await app.operator.json("POST", "/api/policies", { name: `snap-${db}`, maxAttempts: 2, initialDelayMs: 100, maxDelayMs: 100, jitter: 0 });
    expect(created.status).toBe(201);
    const policy = (await created.json()) as { id: string };
    const endpoint = await app.operator.json("POST", "/api/endpoints", { url: `${receiver.url}/snap`, eventTypes: ["snap.*"], policyId: policy.id });
    const endpointId = ((await endpoint.json()) as { id: string }).id;
    await app.postWebhook({ id: `evt_snap_${db}`, type: "snap.test" });

    type Detail = { id: string; status: string; policy: { maxAttempts: number }; ranUnder: { maxAttempts: number; initialDelayMs: number } | null };
    const list = async () => ((await (await app.operator.fetch(`/api/deliveries?endpointId=${endpointId}`)).json()) as { data: { id: string }[] }).data;
    const detail = async (id: string) => (await (await app.operator.fetch(`/api/deliveries/${id}`)).json()) as Detail;
    const [{ id }] = await waitFor(async () => ((await list()).length === 1 ? list() : undefined));
    const dead = await waitFor(async () => {
      const d = await detail(id);
      return d.status === "dead" ? d : undefined;
    });
    expect(dead.ranUnder).toMatchObject({ maxAttempts: 2, initialDelayMs: 100 });

    expect((await app.operator.json("PATCH", `/api/policies/${policy.id}`, { maxAttempts: 7 })).status).toBe(200);
    const after = await detail(id);
    expect(after.policy.maxAttempts).toBe(7);
    expect(after.ranUnder).toMatchObject({ maxAttempts: 2 });
  });
});
