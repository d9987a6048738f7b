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

test("a payload member's value finds its event, and the inbound list narrows to the words typed", async ({ page, request }) => {
  const reference = `ref${Date.now()}`;
  const held = await request.post("/api/webhook", { data: { id: `evt_member_${Date.now()}`, type: "search.member", data: { customer: { reference } } } });
  expect(held.status()).toBe(200);
  const { id } = (await held.json()) as { id: string };
  // The same value elsewhere in a payload: the member search must pass it over, the words search must not.
  expect((await request.post("/api/webhook", { data: { id: `evt_mention_${Date.now()}`, type: "search.mention", data: { note: `about ${reference}` } } })).status()).toBe(200);

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search" }).fill(`data.customer.reference=${reference}`);
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  // Endpoints other specs made may have deliveries of it too; of inbound events, only this one.
  const inbound = page.getByRole("list", { name: "Search results" }).locator('a[href^="/inbound/"]');
  await expect(inbound).toHaveCount(1);
  await expect(inbound).toHaveAttribute("href", `/inbound/${id}`);

  await page.goto("/inbound");
  await page.getByLabel("Search this list").fill(reference);
  await page.getByLabel("Search this list").press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${reference}`));
  const table = page.getByRole("table", { name: "Inbound events, newest first" });
  await expect(table.getByText("search.member")).toBeVisible();
  await expect(table.getByText("search.mention")).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(3);
});
