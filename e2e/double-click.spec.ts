import { expect, test } from "@playwright/test";

test("a double click on Replay makes one new delivery and shows no error", async ({ page, request }) => {
  const endpoint = await request.post("/api/endpoints", { data: { url: "http://127.0.0.1:9/double-click", eventTypes: ["double.click"] } });
  expect(endpoint.status()).toBe(201);
  expect((await request.post("/api/webhook", { data: { id: `evt_double_${Date.now()}`, type: "double.click" } })).status()).toBe(200);
  const list = (await (await request.get(`/api/deliveries?endpointId=${((await endpoint.json()) as { id: string }).id}`)).json()) as { data: { id: string }[] };
  const id = list.data[0].id;

  const replays: { key: string | null; status: Promise<number> }[] = [];
  page.on("request", (req) => {
    if (req.method() === "POST" && req.url().endsWith(`/api/deliveries/${id}/replay`)) {
      replays.push({ key: req.headers()["idempotency-key"] ?? null, status: req.response().then((res) => res?.status() ?? 0) });
    }
  });
  await page.goto(`/deliveries/${id}`);
  // Both clicks in one task, before React can disable the button: the second reaches the server.
  await page.getByRole("button", { name: "Replay" }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect.poll(() => replays.length).toBe(2);
  expect(await Promise.all(replays.map((r) => r.status))).toEqual([202, 202]);
  expect(new Set(replays.map((r) => r.key)).size).toBe(1);
  expect(replays[0].key).not.toBeNull();

  const detail = (await (await request.get(`/api/deliveries/${id}`)).json()) as { replayIds: string[] };
  expect(detail.replayIds).toHaveLength(1);
  await expect(page.locator("[data-sonner-toast]", { hasText: "Replay queued" }).first()).toBeVisible();
  await expect(page.locator("[data-sonner-toast]", { hasText: /failed/i })).toHaveCount(0);
});
