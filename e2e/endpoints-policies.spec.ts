import { expect, test, type Page } from "@playwright/test";
import { timeToGiveUpMs } from "../lib/retry/backoff";
import { RETRY_POLICY_MESSAGES, retryPolicySchema } from "../lib/retry/policy";
import { formatDuration } from "../components/charts/format";

/** A full-page capture at desktop width, then back to the viewport the test runs in. */
async function screenshot(page: Page, path: string) {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
}

/** What the preview should say for a policy without jitter: the worker's own schedule, in words. */
function expectedGiveUp(policy: Record<string, unknown>): string {
  return `~${formatDuration(timeToGiveUpMs(retryPolicySchema.parse(policy)).baseMs)}`;
}

const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]", { hasText: text });

/** Mutations made outside the browser's own fetches must name their origin, as the browser does. */
async function api(page: Page, method: "POST" | "DELETE", path: string, data?: unknown) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.fetch(path, { method, data, headers: { origin } });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json() as Promise<{ id: string }>;
}

const POLICY_NAME = `Patient ${Date.now().toString(36)}`;

test.describe.configure({ mode: "serial" });

test("a policy form validates inline and previews its schedule as the operator types", async ({ page }) => {
  await page.goto("/policies");
  await expect(page.getByRole("heading", { level: 1, name: "Retry policies" })).toBeVisible();
  await page.getByRole("link", { name: "New policy" }).click();
  await expect(page).toHaveURL(/\/policies\/new$/);

  await page.getByLabel("Name").fill(POLICY_NAME);
  await page.getByLabel("Jitter mode").selectOption("none");
  const maxAttempts = page.getByLabel("Max attempts");
  const initialDelay = page.getByLabel("Initial delay");
  const maxDelay = page.getByLabel("Max delay");

  // The rule that spans fields, from the same schema the API uses, under the field to fix.
  await initialDelay.fill("10000");
  await maxDelay.fill("5000");
  await maxDelay.blur();
  await expect(page.getByText(RETRY_POLICY_MESSAGES.maxBelowInitial)).toBeVisible();
  await expect(maxDelay).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Showing the last valid settings")).toBeVisible();
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page).toHaveURL(/\/policies\/new$/);

  await maxDelay.fill("600000");
  await expect(page.getByText(RETRY_POLICY_MESSAGES.maxBelowInitial)).toHaveCount(0);
  await expect(maxDelay).toHaveAttribute("aria-invalid", "false");

  // The preview follows each keystroke: the give-up time and one table row per attempt.
  const preview = page.getByRole("region", { name: "Schedule preview" });
  const giveUp = preview.getByTestId("give-up");
  const policy = { initialDelayMs: 10_000, maxDelayMs: 600_000, exponentialBase: 2, jitterMode: "none" };
  await maxAttempts.fill("3");
  await expect(giveUp).toHaveText(expectedGiveUp({ ...policy, maxAttempts: 3 }));
  await expect(preview.getByRole("row")).toHaveCount(1 + 3);
  await maxAttempts.fill("6");
  await expect(giveUp).toHaveText(expectedGiveUp({ ...policy, maxAttempts: 6 }));
  await expect(preview.getByRole("row")).toHaveCount(1 + 6);
  await expect(preview.locator(".recharts-surface")).toBeVisible();
  await initialDelay.fill("30000");
  await expect(giveUp).toHaveText(expectedGiveUp({ ...policy, maxAttempts: 6, initialDelayMs: 30_000 }));
  await screenshot(page, "e2e/artifacts/policy-form.png");

  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(toast(page, `Policy “${POLICY_NAME}” created`)).toBeVisible();
  await expect(page).toHaveURL(/\/policies\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: POLICY_NAME })).toBeVisible();

  // A second policy with the same name is refused by the server, inline under the name.
  await page.goto("/policies/new");
  await page.getByLabel("Name").fill(POLICY_NAME);
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("form", { name: "Retry policy" }).getByText("Another policy already has this name")).toBeVisible();
  await expect(toast(page, "The policy was not created")).toBeVisible();
  await expect(page.getByLabel("Name")).toBeFocused();

  await page.goto("/policies");
  const row = page.getByRole("row", { name: new RegExp(POLICY_NAME) });
  await expect(row).toContainText("6");
  await expect(row).toContainText(expectedGiveUp({ ...policy, maxAttempts: 6, initialDelayMs: 30_000 }));
  await screenshot(page, "e2e/artifacts/policies.png");
});

test("an endpoint is created on that policy, shows its secret once, is edited, disabled and re-enabled", async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/endpoints");
  await page.getByRole("link", { name: "New endpoint" }).first().click();
  await expect(page).toHaveURL(/\/endpoints\/new$/);

  const url = page.getByLabel("Endpoint URL");
  await url.fill("ftp://127.0.0.1/hook");
  await url.blur();
  await expect(page.getByText("URL must be an absolute http or https URL")).toBeVisible();
  await url.fill("http://127.0.0.1:9/hook");
  await expect(page.getByText("URL must be an absolute http or https URL")).toHaveCount(0);

  await page.getByLabel("Description").fill("Orders service (e2e)");
  const eventTypes = page.getByRole("textbox", { name: "Event types" });
  await eventTypes.fill("order.*");
  await eventTypes.press("Enter");
  await eventTypes.fill("invoice.paid");
  await eventTypes.press(",");
  await expect(page.getByRole("button", { name: "Remove order.*" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove invoice.paid" })).toBeVisible();
  await page.getByLabel("Retry policy").selectOption({ label: POLICY_NAME });
  await expect(page.getByText(/6 attempts/)).toBeVisible();
  await page.getByLabel("Rate limit").fill("2.5");
  await page.getByLabel("Rate limit").blur();
  await expect(page.getByText(/Rate limit must be a whole number/)).toBeVisible();
  await page.getByLabel("Rate limit").fill("5");
  await page.getByRole("button", { name: "Create endpoint" }).click();

  // The secret, once, with a copy button.
  await expect(page.getByRole("heading", { name: "Endpoint created" })).toBeVisible();
  const secret = (await page.getByTestId("endpoint-secret").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole("button", { name: "Copy secret" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  await page.getByRole("link", { name: "Open endpoint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "http://127.0.0.1:9/hook" })).toBeVisible();
  // Never again: the detail page knows only the last characters.
  await expect(page.getByTestId("endpoint-secret")).toHaveCount(0);
  await expect(page.getByTestId("secret-hint")).toHaveText(secret.slice(-4));
  await expect(page.getByRole("link", { name: POLICY_NAME })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Deliveries", exact: true })).toHaveAttribute("href", /\/deliveries\?endpoint=/);

  // Edit: the form starts from the saved endpoint and saves only when changed.
  const save = page.getByRole("button", { name: "Save changes" });
  await expect(save).toBeDisabled();
  await page.getByLabel("Description").fill("Orders service, production");
  await page.getByRole("button", { name: "Remove invoice.paid" }).click();
  await page.getByLabel("Max concurrency").fill("3");
  await save.click();
  await expect(toast(page, "Endpoint saved")).toBeVisible();
  await expect(page.getByRole("main").locator("p", { hasText: "Orders service, production" })).toBeVisible();
  await expect(save).toBeDisabled();
  await page.reload();
  await expect(page.getByLabel("Max concurrency")).toHaveValue("3");
  await expect(page.getByRole("button", { name: "Remove invoice.paid" })).toHaveCount(0);

  // Disable (confirmed), see the reason and the way back, re-enable.
  await page.getByRole("button", { name: "Disable", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Disable this endpoint?" });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Disable endpoint" }).click();
  await expect(toast(page, "Endpoint disabled")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Disabled by an operator" })).toBeVisible();
  await expect(page.locator("[data-status=disabled]")).toBeVisible();
  await screenshot(page, "e2e/artifacts/endpoint-detail.png");
  await page.getByRole("button", { name: "Re-enable endpoint" }).click();
  await expect(toast(page, "Endpoint re-enabled")).toBeVisible();
  await expect(page.locator("[data-status=enabled]")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Disabled by an operator" })).toHaveCount(0);

  // Rotating shows the new secret once, and says the old one keeps signing for a while.
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  await page.getByRole("dialog", { name: "Rotate the signing secret?" }).getByRole("button", { name: "Rotate secret" }).click();
  const rotated = (await page.getByTestId("endpoint-secret").textContent()) ?? "";
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await expect(page.getByText("The previous secret keeps signing alongside it")).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("endpoint-secret")).toHaveCount(0);

  // The list: filters live in the URL, so a filtered view survives a reload and can be shared.
  await page.goto("/endpoints");
  const listRow = page.getByRole("row", { name: /127\.0\.0\.1:9\/hook/ });
  await expect(listRow).toContainText(POLICY_NAME);
  await expect(listRow).toContainText("5/s · 3 at once");
  await expect(listRow.locator("[data-status=enabled]")).toBeVisible();
  await page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: /Disabled/ }).click();
  await expect(page).toHaveURL(/status=disabled/);
  await expect(listRow).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: /Disabled/ })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await page.getByLabel("Search endpoints").fill("orders service");
  await expect(page).toHaveURL(/q=orders/);
  await expect(listRow).toBeVisible();
  await page.getByLabel("Search endpoints").fill("");
  await screenshot(page, "e2e/artifacts/endpoints.png");

  // On a phone the list turns into cards and nothing pushes the page sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("list", { name: "Endpoints" }).getByText("http://127.0.0.1:9/hook", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("deleting asks first; the default policy is refused with the server's reason", async ({ page }) => {
  await page.goto("/policies");
  const throwaway = await api(page, "POST", "/api/policies", { name: `Throwaway ${Date.now().toString(36)}` });
  const endpoint = await api(page, "POST", "/api/endpoints", { url: "http://127.0.0.1:9/delete-me" });

  await page.goto(`/endpoints/${endpoint.id}`);
  await page.getByRole("button", { name: "Delete endpoint" }).click();
  await page.getByRole("dialog", { name: "Delete this endpoint?" }).getByRole("button", { name: "Delete endpoint" }).click();
  await expect(toast(page, "Endpoint deleted")).toBeVisible();
  await expect(page).toHaveURL(/\/endpoints$/);

  await page.goto(`/policies/${throwaway.id}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete policy" }).click();
  await expect(toast(page, "Policy deleted")).toBeVisible();
  await expect(page).toHaveURL(/\/policies$/);

  await page.getByRole("row", { name: /Default/ }).getByRole("link").first().click();
  // The list shows "Default" too: wait for the policy's own page before looking for it.
  await expect(page).toHaveURL(/\/policies\/[^/]+$/);
  await expect(page.getByText("Default", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete policy" }).click();
  await expect(toast(page, "This policy cannot be deleted")).toContainText("make another policy the default first");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
