import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * A real receiver on 127.0.0.1 that answers 503 to the first two sends of each message
 * (told apart by the Standard Webhooks `webhook-id`, which a replay keeps) and 200 after.
 */
async function startFlakyReceiver(): Promise<{ url: string; close: () => Promise<void> }> {
  const sends = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const id = String(req.headers["webhook-id"] ?? "unknown");
      const n = (sends.get(id) ?? 0) + 1;
      sends.set(id, n);
      if (n <= 2) {
        res.writeHead(503, { "Content-Type": "text/plain" });
        res.end(`try again later (send ${n})`);
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ ok: true, send: n }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function created<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const res = await request.post(path, { data });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(201);
  return (await res.json()) as T;
}

/** A full-page capture at the desktop width, the viewport restored after. */
async function screenshot(page: Page, path: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.max(800, height) });
  await page.screenshot({ path });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const attemptHeading = (page: Page, n: number) => page.getByRole("heading", { level: 3, name: new RegExp(`^Attempt ${n}\\b`) });

test("a delivery's retries fill in live, and a replay makes a new delivery", async ({ page }) => {
  // Real retries on a real clock: about 10 s of waiting on top of the page work.
  test.setTimeout(90_000);
  const receiver = await startFlakyReceiver();
  try {
    const run = Date.now().toString(36);
    const eventType = `e2e.order.created.${run}`;
    // Gaps of 3 s then 6 s: quick for a test, long enough to find the delivery pending and watch its countdown.
    const policy = await created<{ id: string }>(page.request, "/api/policies", {
      name: `E2E quick ${run}`,
      maxAttempts: 4,
      initialDelayMs: 3_000,
      maxDelayMs: 6_000,
      exponentialBase: 2,
      jitter: 0,
      jitterMode: "none",
      timeoutMs: 5_000,
    });
    const endpoint = await created<{ id: string }>(page.request, "/api/endpoints", { url: receiver.url, eventTypes: [eventType], policyId: policy.id });

    // The list, filtered to what is still pending and to this run's event type; the URL keeps both.
    await page.goto("/deliveries");
    await expect(page.getByRole("heading", { level: 1, name: "Deliveries" })).toBeVisible();
    await page.getByRole("button", { name: "Pending", exact: true }).click();
    await expect(page).toHaveURL(/status=pending/);
    await expect(page.getByRole("button", { name: "Pending", exact: true })).toHaveAttribute("aria-pressed", "true");
    await page.getByLabel("Event type").fill(eventType);
    await expect(page).toHaveURL(new RegExp(`type=${eventType.replaceAll(".", "\\.")}`));
    await expect(page.getByRole("heading", { name: "No deliveries match these filters" })).toBeVisible();

    const message = await created<{ id: string; deliveries: { id: string }[] }>(page.request, "/api/messages", {
      eventType,
      payload: { orderId: `ord_${run}`, amount: 4200 },
    });
    expect(message.deliveries).toHaveLength(1);
    const deliveryId = message.deliveries[0].id;

    // A reload keeps the view, and now shows the new delivery while it waits for a retry.
    await page.reload();
    await expect(page.getByRole("button", { name: "Pending", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByLabel("Event type")).toHaveValue(eventType);
    const row = page.getByRole("link", { name: new RegExp(`^Delivery ${deliveryId}`) });
    await expect(row).toBeVisible();
    await row.click();

    // The timeline fills in by itself: failed attempts, the countdown to the next, then success.
    await expect(page).toHaveURL(new RegExp(`/deliveries/${deliveryId}$`));
    await expect(page.getByRole("heading", { level: 1, name: eventType })).toBeVisible();
    await expect(attemptHeading(page, 1)).toContainText("Failed, retrying");
    await expect(page.getByRole("timer")).toBeVisible();
    await expect(page.getByRole("timer")).toHaveText(/^in \d+:\d\d$|^due now$/);
    await expect(attemptHeading(page, 3)).toContainText("Succeeded", { timeout: 30_000 });
    await expect(attemptHeading(page, 2)).toContainText("Failed, retrying");
    const title = page.getByRole("heading", { level: 1, name: eventType }).locator("..");
    await expect(title.getByText("Succeeded", { exact: true })).toBeVisible();
    await expect(page.getByText("After a 3 s backoff")).toBeVisible();
    await expect(page.getByText("After a 6 s backoff")).toBeVisible();
    await expect(page.getByRole("timer")).toHaveCount(0);
    await expect(attemptHeading(page, 4)).toHaveCount(0);

    // Response excerpts open on demand.
    await page.getByText("Show response").first().click();
    await expect(page.getByLabel("response to attempt 1", { exact: true })).toHaveText("try again later (send 1)");
    await expect(page.getByLabel("payload", { exact: true })).toContainText(`"orderId": "ord_${run}"`);
    await screenshot(page, "e2e/artifacts/delivery-detail.png");

    // Replay: a toast leads to the new delivery, which names the one it replays.
    await page.getByRole("button", { name: "Replay" }).click();
    const toast = page.locator("[data-sonner-toast]", { hasText: "Replay queued" });
    await expect(toast).toBeVisible();
    await toast.getByRole("button", { name: "Open" }).click();
    await expect(page).not.toHaveURL(new RegExp(`/deliveries/${deliveryId}$`));
    await expect(page.getByRole("link", { name: new RegExp(deliveryId) })).toBeVisible();
    // Same message, so the receiver has already failed it twice: the replay succeeds at once.
    await expect(attemptHeading(page, 1)).toContainText("Succeeded", { timeout: 20_000 });
    const replayId = page.url().split("/").pop() ?? "";

    // The original lists its replay.
    await page.goto(`/deliveries/${deliveryId}`);
    await expect(page.getByRole("link", { name: new RegExp(replayId) })).toBeVisible();

    // A replay to a disabled endpoint says so, and offers to re-enable it.
    const disabled = await page.request.patch(`/api/endpoints/${endpoint.id}`, { data: { enabled: false } });
    expect(disabled.ok()).toBe(true);
    await page.getByRole("button", { name: "Replay" }).click();
    const refusal = page.locator("[data-sonner-toast]", { hasText: "The endpoint is disabled" });
    await expect(refusal).toBeVisible();
    await refusal.getByRole("button", { name: "Re-enable and replay" }).click();
    await expect(page.locator("[data-sonner-toast]", { hasText: "Endpoint re-enabled and replay queued" })).toBeVisible();
    const after = (await (await page.request.get(`/api/endpoints/${endpoint.id}`)).json()) as { enabled: boolean };
    expect(after.enabled).toBe(true);

    // Both replays show in the list; the status filter narrows it to succeeded ones.
    await page.goto(`/deliveries?status=succeeded&type=${encodeURIComponent(eventType)}`);
    await expect(page.getByRole("link", { name: /^Delivery / })).toHaveCount(3, { timeout: 20_000 });
    await screenshot(page, "e2e/artifacts/deliveries.png");

    // A provider's event sent twice: received once, the repeat caught as a duplicate.
    for (let i = 0; i < 2; i++) {
      const res = await page.request.post("/api/webhook", { data: { id: `evt_${run}`, type: "e2e.ping", data: { run } } });
      expect(res.status()).toBe(200);
    }
    await page.goto("/?window=1h");
    await expect(page.getByRole("link", { name: "1 hour" })).toHaveAttribute("aria-current", "true");
    for (const label of ["Received", "Duplicates", "Delivered"]) {
      await expect(page.locator("dl", { has: page.getByText(label, { exact: true }) }).locator("dd").first()).not.toHaveText("0");
    }
    await screenshot(page, "e2e/artifacts/overview.png");
  } finally {
    await receiver.close();
  }
});

test("the list and the delivery page hold on a narrow screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/deliveries");
  await expect(page.getByRole("heading", { level: 1, name: "Deliveries" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.locator("dl").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test("an unknown delivery says so", async ({ page }) => {
  await page.goto("/deliveries/does-not-exist");
  await expect(page.getByRole("heading", { name: "Delivery not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Deliveries" }).last()).toHaveAttribute("href", "/deliveries");
});
