import { expect, test, type Page } from "@playwright/test";
import { RETRY_POLICY_MESSAGES } from "../lib/retry";
import { simulate, simulationInputSchema } from "../lib/simulator";
import { formatCount, formatDuration, formatPercent } from "../components/charts/format";

/** The form's defaults as the API sees them: 20% failures, 5% timeouts, an outage from 10 to 25 min. */
const defaults = {
  failureRate: 0.2,
  timeoutRate: 0.05,
  deliveries: 10_000,
  seed: 1,
  arrivalWindowMs: 3_600_000,
  outages: [{ startMs: 600_000, endMs: 1_500_000 }],
  policy: {},
};

function stat(page: Page, label: string) {
  return page.locator("dl", { has: page.getByText(label, { exact: true }) }).locator("dd").first();
}

const charts = (page: Page) => page.locator(".recharts-surface");

/** A full-page capture with the sticky run button where it rests, not where the viewport ended. */
async function screenshot(page: Page, path: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("runs a simulation, validates inline, keeps its settings in the URL", async ({ page }) => {
  await page.goto("/simulator");
  await expect(page.getByRole("heading", { name: "Try a policy before you adopt it" })).toBeVisible();
  await expect(charts(page)).toHaveCount(0);

  await page.getByRole("button", { name: "Run simulation" }).click();
  await expect(page).toHaveURL(/fail=20&timeout=5/);
  await expect(charts(page)).toHaveCount(3);
  await expect(page.getByRole("heading", { name: "Delivered over time" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Endpoint load" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Attempts per delivery" })).toBeVisible();

  // The page shows what the library computes for the same input: runs are deterministic.
  const expected = simulate(simulationInputSchema.parse(defaults));
  await expect(stat(page, "Success rate")).toHaveText(formatPercent(expected.successRate));
  await expect(stat(page, "Dead-lettered")).toHaveText(formatCount(expected.deadLettered));
  await expect(stat(page, "p99 to deliver")).toHaveText(formatDuration(expected.timeToDeliveryMs?.p99 ?? Number.NaN));
  await expect(page.locator(".recharts-surface .recharts-bar-rectangle").first()).toBeVisible();

  // An invalid field shows the policy schema's own message under it and blocks the run.
  const maxAttempts = page.getByLabel("Max attempts");
  await maxAttempts.fill("0");
  await maxAttempts.blur();
  await expect(page.getByText(RETRY_POLICY_MESSAGES.maxAttempts)).toBeVisible();
  await expect(maxAttempts).toHaveAttribute("aria-invalid", "true");
  const before = page.url();
  await page.getByRole("button", { name: "Run simulation" }).click();
  expect(page.url()).toBe(before);

  // A rule spanning fields, checked by the same schemas as the API.
  await maxAttempts.fill("8");
  await expect(page.getByText(RETRY_POLICY_MESSAGES.maxAttempts)).toHaveCount(0);
  await page.getByLabel("Failure rate").fill("80");
  await page.getByLabel("Timeout rate").fill("30");
  await page.getByLabel("Timeout rate").blur();
  await expect(page.getByText("Failure rate and timeout rate together cannot exceed 100%")).toBeVisible();

  await page.getByLabel("Failure rate").fill("35");
  await page.getByLabel("Timeout rate").fill("0");
  await page.getByRole("button", { name: "Run simulation" }).click();
  await expect(page).toHaveURL(/fail=35&timeout=0/);
  const rerun = simulate(simulationInputSchema.parse({ ...defaults, failureRate: 0.35, timeoutRate: 0, policy: { maxAttempts: 8 } }));
  await expect(stat(page, "Success rate")).toHaveText(formatPercent(rerun.successRate));

  await page.reload();
  await expect(page.getByLabel("Failure rate")).toHaveValue("35");
  await expect(page.getByLabel("Max attempts")).toHaveValue("8");
  await expect(charts(page)).toHaveCount(3);
  await expect(stat(page, "Success rate")).toHaveText(formatPercent(rerun.successRate));
  await screenshot(page, "e2e/artifacts/simulator.png");

  // On a phone the form and the results stack, and nothing pushes the page sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(charts(page)).toHaveCount(3);
  // Polled: the charts take a frame or two to follow the new width.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("region", { name: "Results" }).screenshot({ path: "e2e/artifacts/simulator-narrow.png" });
});

test("compares two policies on one chart and a table", async ({ page }) => {
  await page.goto("/simulator");
  await page.getByRole("button", { name: "Compare with another policy" }).click();
  await page.getByLabel("Max attempts").nth(1).fill("10");
  await page.getByLabel("Initial delay").nth(1).fill("30000");
  await page.getByLabel("Max delay").nth(1).fill("3600000");
  await page.getByLabel("Label").nth(1).fill("Patient");
  await page.getByRole("button", { name: "Compare 2 policies" }).click();

  await expect(page).toHaveURL(/p=Policy\+A.*&p=Patient/);
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Policy A" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Patient" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Success rate" })).toBeVisible();
  await expect(charts(page)).toHaveCount(2);
  // One line per policy on each chart.
  await expect(charts(page).first().locator(".recharts-line")).toHaveCount(2);
  await screenshot(page, "e2e/artifacts/simulator-compare.png");
});

test("backtests a candidate policy against an endpoint", async ({ page }) => {
  await page.goto("/simulator");
  // A session's mutations must name their origin, as the browser's own requests do.
  const created = await page.request.post("/api/endpoints", {
    data: { url: "http://127.0.0.1:9/simulator-e2e", description: "Simulator e2e" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.getByRole("tab", { name: "Backtest" }).click();
  await expect(page).toHaveURL(/tab=backtest/);
  await expect(page.getByRole("heading", { name: "What would another policy have done?" })).toBeVisible();

  await page.getByRole("button", { name: "Run backtest" }).click();
  await expect(page.getByText("Choose an endpoint", { exact: true })).toBeVisible();

  await page.getByLabel("Endpoint").selectOption(id);
  await page.getByRole("button", { name: "Last hour" }).click();
  await page.getByRole("button", { name: "Run backtest" }).click();
  await expect(page).toHaveURL(new RegExp(`ep=${id}`));
  // A brand-new endpoint has no history: the page says so rather than showing zeros.
  await expect(page.getByRole("heading", { name: "Nothing recorded in this period" })).toBeVisible();
});
