import { expect, test } from "@playwright/test";

test("a double click on Replay makes one new delivery and shows no error", async ({ page, request }) => {
  const endpoint = await request.post("/api/endpoints", { data: { url: "http://127.0.0.1:9/double-click", eventTypes: ["double.click"] } });
  expect(endpoint.status()).toBe(201);
  expect((await request.post("/api/webhook", { data: { id: `evt_double_${Date.now()}`, type: "double.click" } })).status()).toBe(200);
  const list = (await (await request.get(`/api/deliveries?endpointId=${((await endpoint.json()) as { id: string }).id}`)).json()) as { data: { id: string }[] };
  const id = list.data[0].id;

  await page.goto(`/deliveries/${id}`);
  await page.getByRole("button", { name: "Replay" }).dblclick();
  await expect(page.locator("[data-sonner-toast]", { hasText: "Replay queued" }).first()).toBeVisible();

  const detail = (await (await request.get(`/api/deliveries/${id}`)).json()) as { replayIds: string[] };
  expect(detail.replayIds).toHaveLength(1);
  await expect(page.locator("[data-sonner-toast]", { hasText: /failed/i })).toHaveCount(0);
});
