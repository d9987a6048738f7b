import { expect, test } from "@playwright/test";

test("pasting a provider's event id into the search box opens that event", async ({ page, request }) => {
  const eventId = `evt_search_${Date.now()}`;
  const answer = await request.post("/api/webhook", { data: { id: eventId, type: "search.found", data: { note: "findable text" } } });
  expect(answer.status()).toBe(200);
  const { id } = (await answer.json()) as { id: string };

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search" }).fill(eventId);
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`/inbound/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "search.found" })).toBeVisible();
});

test("an event-type prefix lists what carries it, on a phone too", async ({ page, request }) => {
  const type = `searchable${Date.now()}.created`;
  expect((await request.post("/api/webhook", { data: { id: `evt_prefix_${Date.now()}`, type } })).status()).toBe(200);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("dialog", { name: "Menu" }).getByRole("searchbox", { name: "Search" }).fill(type.replace("created", "*"));
  await page.getByRole("dialog", { name: "Menu" }).getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=searchable\d+\.\*/);
  await expect(page.getByRole("list", { name: "Search results" }).getByText(type)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "e2e/artifacts/search-phone.png", fullPage: true });
});
