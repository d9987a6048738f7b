import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * A real receiver on 127.0.0.1 that fails every request with 500 until it is flipped to
 * healthy, the way an endpoint recovers from an outage.
 */
let receiver: Server;
let receiverUrl = "";
let healthy = false;

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(healthy ? 200 : 500, { "content-type": "application/json" });
      res.end(healthy ? '{"ok":true}' : '{"error":"receiver is down"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

/** Cookie-authenticated writes must come from Hookrelay's own origin. */
async function post<T>(request: APIRequestContext, baseURL: string, path: string, data: unknown, status = 201): Promise<T> {
  const res = await request.post(path, { data, headers: { origin: baseURL } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/** A full-page capture at the suite's width, then back to the viewport the steps run in. */
async function screenshot(page: Page, path: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const letterRows = (page: Page) => page.locator("tbody tr[data-letter-id]");

test("dead letters: chart and table fill live, one-click and bulk reprocess, the letter's history", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const origin = baseURL ?? "";
  const run = Date.now().toString(36);
  const eventType = `e2e.dlq.${run}`;

  // A policy that gives up fast: two attempts 100 ms apart.
  const policy = await post<{ id: string }>(page.request, origin, "/api/policies", { name: `Fast ${run}`, maxAttempts: 2, initialDelayMs: 100, maxDelayMs: 1000, jitter: 0 });
  const endpoint = await post<{ id: string }>(page.request, origin, "/api/endpoints", { url: receiverUrl, policyId: policy.id, eventTypes: [eventType] });
  for (let i = 1; i <= 6; i++) await post(page.request, origin, "/api/messages", { eventType, payload: { order: i, total: 10 * i } });

  // The view narrowed to this endpoint, as a shared link would open it.
  await page.goto(`/dead-letters?endpoint=${endpoint.id}`);
  await expect(page.getByRole("heading", { name: "Dead letters", level: 1 })).toBeVisible();
  // Letters appear as the deliveries give up; the page refreshes on its own.
  await expect(letterRows(page)).toHaveCount(6, { timeout: 30_000 });
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const retries = page.getByRole("button", { name: /Retries exhausted/ });
  await expect(retries).toContainText("6 pending");
  await expect(page.locator("dl", { has: page.getByText("Pending", { exact: true }) }).locator("dd").first()).toHaveText("6");
  await screenshot(page, "e2e/artifacts/dead-letters.png");

  // Multi-select: the bulk bar counts the selection and the dialog counts it again on the server.
  await letterRows(page).nth(0).getByRole("checkbox").check();
  await letterRows(page).nth(1).getByRole("checkbox").check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.getByRole("button", { name: "Reprocess selected" }).click();
  const dialog = page.getByRole("dialog", { name: "Reprocess dead letters" });
  await expect(dialog.getByTestId("dry-run-count")).toHaveText(/^2 pending letters will be sent again/);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Clear", exact: true }).click();
  await expect(page.getByText("2 selected")).toHaveCount(0);

  // Discard one, after confirming.
  const discarded = letterRows(page).nth(5);
  const discardedId = await discarded.getAttribute("data-letter-id");
  await discarded.getByRole("button", { name: /^Discard/ }).click();
  await page.getByRole("dialog", { name: "Discard this letter?" }).getByRole("button", { name: "Discard" }).click();
  await expect(page.getByText("Letter discarded")).toBeVisible();
  await expect(page.locator(`tbody tr[data-letter-id="${discardedId}"]`)).toHaveCount(0);

  // The endpoint recovers; one click reprocesses a letter and a toast follows it to the end.
  healthy = true;
  const first = letterRows(page).first();
  const firstId = (await first.getAttribute("data-letter-id")) ?? "";
  await first.getByRole("button", { name: /^Reprocess/ }).click();
  await expect(page.getByText("Letter reprocessed")).toBeVisible({ timeout: 20_000 });
  await expect(letterRows(page)).toHaveCount(4);
  await page.getByLabel("Status").selectOption("reprocessed");
  await expect(page).toHaveURL(/status=reprocessed/);
  await expect(page.locator(`tbody tr[data-letter-id="${firstId}"]`)).toContainText("Reprocessed");

  // Reprocess the rest by filter, at a rate, after a dry-run count; progress runs to done.
  await page.getByLabel("Status").selectOption("pending");
  await expect(letterRows(page)).toHaveCount(4);
  await page.getByRole("button", { name: "Reprocess filtered…" }).click();
  await expect(dialog.getByTestId("dry-run-count")).toHaveText(/^4 pending letters will be sent again/);
  await dialog.getByLabel("Rate").fill("0");
  await dialog.getByRole("button", { name: "Reprocess 4 letters" }).click();
  await expect(dialog.getByText(/Enter a number of letters per second/)).toBeVisible();
  await dialog.getByLabel("Rate").fill("4");
  await dialog.getByRole("button", { name: "Reprocess 4 letters" }).click();
  await expect(page).toHaveURL(/job=/);
  const progress = page.getByRole("region", { name: "Bulk reprocess" });
  await expect(progress).toBeVisible();
  await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(progress).toContainText("Done");
  await expect(progress.locator("dl")).toContainText("4 / 4");
  await expect(letterRows(page)).toHaveCount(0);
  await expect(page.getByText("No letters match these filters")).toBeVisible();
  // The progress survives a reload: the job is in the URL.
  await page.reload();
  await expect(page.getByRole("region", { name: "Bulk reprocess" })).toContainText("Done");

  // The letter's page: both failed attempts of the original delivery, then the reprocess that succeeded.
  await page.goto(`/dead-letters/${firstId}`);
  await expect(page.getByRole("heading", { name: eventType, level: 1 })).toBeVisible();
  await expect(page.getByText("Reprocessed").first()).toBeVisible();
  const original = page.locator("li", { has: page.getByRole("heading", { name: /^Original delivery/ }) });
  await expect(original.getByText("Failed, retrying")).toBeVisible();
  await expect(original.getByText("Failed, gave up")).toBeVisible();
  const reprocess = page.locator("li", { has: page.getByRole("heading", { name: /^Reprocess 1/ }) });
  await expect(reprocess.getByRole("heading", { name: /Attempt 1/ })).toContainText("Succeeded");
  await expect(page.getByRole("button", { name: "Reprocess", exact: true })).toBeDisabled();
  await screenshot(page, "e2e/artifacts/dead-letter-detail.png");
});

test("inbound: received events with their key source and duplicates, and an event's page", async ({ page, baseURL }) => {
  const origin = baseURL ?? "";
  const run = Date.now().toString(36);
  const eventType = `e2e.inbound.${run}`;
  healthy = true;
  // An endpoint for the events to fan out to, so the event's page has a delivery to show.
  await post(page.request, origin, "/api/endpoints", { url: receiverUrl, eventTypes: [eventType] });

  const send = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await page.request.post("/api/webhook", { data: body, headers });
    expect(res.status()).toBe(200);
    return (await res.json()) as { id: string };
  };
  const first = await send({ id: `evt_${run}_1`, type: eventType, data: { amount: 1200, currency: "eur" } });
  // The provider retries the same event: a duplicate, answered from the stored result.
  await send({ id: `evt_${run}_1`, type: eventType, data: { amount: 1200, currency: "eur" } });
  await send({ type: eventType, data: { amount: 300 } }, { "webhook-id": `msg_${run}_2` });
  await send({ type: eventType, data: { amount: 42 } }, { "idempotency-key": `idem_${run}_3` });

  await page.goto(`/inbound?type=${eventType}`);
  await expect(page.getByRole("heading", { name: "Inbound", level: 1 })).toBeVisible();
  const rows = page.getByRole("region", { name: "Inbound events" }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  const duplicated = rows.filter({ hasText: `evt_${run}_1` });
  await expect(duplicated).toContainText("body id");
  await expect(duplicated.locator("td").nth(5)).toHaveText("1");
  await expect(rows.filter({ hasText: `msg_${run}_2` })).toContainText("webhook-id");
  await expect(rows.filter({ hasText: `idem_${run}_3` })).toContainText("idempotency-key");
  await page.getByLabel("Status").selectOption("processed");
  await expect(page).toHaveURL(/status=processed/);
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Inbound events" }).locator("[aria-busy=true]")).toHaveCount(0);
  await screenshot(page, "e2e/artifacts/inbound.png");

  await duplicated.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/inbound/${first.id}$`));
  await expect(page.getByRole("heading", { name: eventType, level: 1 })).toBeVisible();
  await expect(page.getByText("1 duplicate", { exact: true })).toBeVisible();
  await expect(page.getByLabel("payload", { exact: true })).toContainText('"amount": 1200');
  await expect(page.getByLabel("stored response body", { exact: true })).toContainText(first.id);
  const delivery = page.getByRole("link", { name: /^Delivery .* to http:\/\/127\.0\.0\.1/ });
  await expect(delivery).toBeVisible();
  await expect(page.locator("li", { has: delivery })).toContainText("Succeeded", { timeout: 15_000 });
  await screenshot(page, "e2e/artifacts/inbound-detail.png");
  await delivery.click();
  await expect(page).toHaveURL(/\/deliveries\//);
});
