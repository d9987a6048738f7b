import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]", { hasText: text });
const NAME = `gh-${Date.now().toString(36)}`;

test.describe.configure({ mode: "serial" });

test("an operator creates a GitHub source with its preset, sees what it checks, and is given the URL and the secret once", async ({ page }) => {
  await page.goto("/inbound");
  await page.getByRole("button", { name: "New source" }).click();

  const dialog = page.getByRole("dialog", { name: "New inbound source" });
  await dialog.getByLabel("Provider").selectOption("shopify");
  const facts = dialog.getByRole("region", { name: "What this preset checks" });
  await expect(facts).toContainText("X-Shopify-Hmac-Sha256");
  await expect(facts).toContainText("x-shopify-event-id header");
  await expect(dialog.getByLabel("Signing secret from Shopify")).toBeVisible();

  await dialog.getByLabel("Provider").selectOption("github");
  await expect(facts).toContainText("X-Hub-Signature-256");
  await expect(facts).toContainText("x-github-delivery header");
  await dialog.getByLabel("Name", { exact: true }).fill(NAME);
  await expect(dialog.getByTestId("webhook-url")).toHaveText(new RegExp(`/api/webhook/${NAME}$`));
  await dialog.getByRole("button", { name: "Create source" }).click();

  await expect(toast(page, `Source "${NAME}" created`)).toBeVisible();
  const secret = (await page.getByTestId("source-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(page.getByTestId("source-secret")).toHaveCount(0);

  // A correctly signed push and a forged one, as GitHub and an attacker would send them.
  const body = JSON.stringify({ ref: "refs/heads/main" });
  const signed = await page.request.post(`/api/webhook/${NAME}`, {
    data: body,
    headers: { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": "e2e-1", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` },
  });
  expect(signed.status()).toBe(200);
  for (let i = 0; i < 3; i++) {
    const forged = await page.request.post(`/api/webhook/${NAME}`, { data: body, headers: { "content-type": "application/json", "x-github-event": "push", "x-hub-signature-256": `sha256=${"0".repeat(64)}` } });
    expect(forged.status()).toBe(401);
  }

  // The Inbound page counts the refusals (it refreshes on its own) and links to the source.
  const refusedLink = page.getByRole("link", { name: `3 refused by ${NAME}` });
  await expect(refusedLink).toBeVisible({ timeout: 20_000 });
  await refusedLink.click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
});

test("the source page lists the last refusals, and the secret can be rotated and the source deleted", async ({ page }) => {
  await page.goto("/inbound");
  await page.getByRole("link", { name: NAME, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByTestId("webhook-url")).toHaveText(new RegExp(`/api/webhook/${NAME}$`));

  const refusals = page.getByRole("region", { name: "Refused requests" });
  await expect(refusals).toContainText("3 in the last 24 hours (3 × 401)");
  const items = refusals.getByRole("list", { name: "Refusals, newest first" }).getByRole("listitem");
  await expect(items).toHaveCount(3);
  await items.first().getByText("Signature does not match").click();
  await expect(items.first()).toContainText("x-hub-signature-256");
  await expect(items.first()).toContainText("[redacted, 71 characters]");
  await expect(items.first()).toContainText('{"ref":"refs/heads/main"}');
  await page.screenshot({ path: "e2e/artifacts/source-detail.png", fullPage: true });

  await page.getByRole("button", { name: "Rotate secret" }).click();
  const rotate = page.getByRole("dialog", { name: `Rotate the signing secret of “${NAME}”` });
  await rotate.getByLabel("The old secret").selectOption(String(3600));
  await rotate.getByRole("button", { name: "Rotate secret" }).click();
  await expect(toast(page, "Signing secret changed")).toBeVisible();
  await expect(page.getByTestId("source-secret")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByText("accepted until")).toBeVisible();

  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit “${NAME}”` });
  await edit.getByLabel("Description").fill("Pushes from the main repository");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(toast(page, `Source "${NAME}" saved`)).toBeVisible();
  await expect(page.getByText("Pushes from the main repository")).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete the source “${NAME}”?` }).getByRole("button", { name: "Delete source" }).click();
  await expect(toast(page, "Source deleted")).toBeVisible();
  await expect(page).toHaveURL(/\/inbound$/);
  await expect(page.getByRole("link", { name: NAME, exact: true })).toHaveCount(0);
  expect((await page.request.post(`/api/webhook/${NAME}`, { data: "{}", headers: { "content-type": "application/json" } })).status()).toBe(404);
});

test("a source whose provider makes the secret waits for it, and takes it from the source page", async ({ page }) => {
  const name = `stripe-${Date.now().toString(36)}`;
  await page.goto("/inbound");
  await page.getByRole("button", { name: "New source" }).click();
  const dialog = page.getByRole("dialog", { name: "New inbound source" });
  await dialog.getByLabel("Provider").selectOption("stripe");
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Create source" }).click();
  await expect(toast(page, `Source "${name}" created`)).toBeVisible();
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByText("Every request is refused until the secret is set")).toBeVisible();
  await page.getByRole("button", { name: "Set secret" }).click();
  const set = page.getByRole("dialog", { name: `Set the signing secret of “${name}”` });
  await set.getByLabel("New secret from Stripe").fill("whsec_from_the_stripe_dashboard_e2e");
  await set.getByRole("button", { name: "Set secret" }).click();
  await expect(toast(page, "Signing secret changed")).toBeVisible();
  await expect(page.getByText("Every request is refused until the secret is set")).toHaveCount(0);
  await expect(page.getByText("••••_e2e")).toBeVisible();
});
