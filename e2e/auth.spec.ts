import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_OPERATOR } from "./support/global-setup";

// These tests start signed out; the other specs use the global setup's session.
test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page) {
  await page.getByLabel("E-mail").fill(E2E_OPERATOR.email);
  await page.getByLabel("Password", { exact: true }).fill(E2E_OPERATOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const tokenRow = (page: Page, name: string) => page.getByRole("table", { name: "API tokens" }).getByRole("row", { name: new RegExp(name) });

async function withToken(request: APIRequestContext, token: string, path: string) {
  return request.get(path, { headers: { authorization: `Bearer ${token}` } });
}

test("the dashboard sends a visitor to sign-in, and back to the page asked for", async ({ page }) => {
  await page.goto("/policies");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpolicies$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/sign-in.png" });

  await page.getByLabel("E-mail").fill(E2E_OPERATOR.email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("The e-mail address or password is incorrect");

  await signIn(page);
  await expect(page).toHaveURL(/\/policies$/);
  await expect(page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
});

test("the APIs answer 401 without a session, and the setup page is closed once an operator exists", async ({ page, request }) => {
  const res = await request.get("/api/deliveries");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
  expect((await request.get("/api/health")).status()).toBe(200);

  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an operator creates an API token, sees it once, uses it, revokes it, and signs out", async ({ page, playwright, baseURL }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByTestId("signed-in-email")).toHaveText(E2E_OPERATOR.email);
  await page.getByLabel("New token").fill("e2e-bot");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^hr_[\w-]{43}$/);
  const token = (await shown.textContent()) ?? "";
  await expect(page.getByText("You won’t be able to see it again", { exact: false })).toBeVisible();
  const row = tokenRow(page, "e2e-bot");
  await expect(row).toContainText(token.slice(0, 9));
  await expect(row).toContainText("Never");
  await page.screenshot({ path: "e2e/artifacts/settings.png", fullPage: true });

  // A program: no cookie, only the token.
  const program = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await withToken(program, token, "/api/deliveries")).status()).toBe(200);
  const metrics = await withToken(program, token, "/api/metrics");
  expect(metrics.status()).toBe(200);
  expect(await metrics.text()).toContain("hookrelay_delivery_queue_depth");
  // The proxy decides who is asking; a client's claim is dropped.
  const cleanup = await program.post("/api/cleanup", { headers: { authorization: `Bearer ${token}`, "x-hookrelay-actor": "operator:x:someone%40else.example" } });
  expect(cleanup.status()).toBe(200);
  const audit = (await (await withToken(program, token, "/api/audit?limit=1")).json()) as { data: { actor: string; action: string }[] };
  expect(audit.data[0]).toMatchObject({ actor: "token:e2e-bot", action: "retention.cleanup" });

  // Shown once: gone after a reload, only its prefix remains.
  await page.reload();
  await expect(tokenRow(page, "e2e-bot")).toBeVisible();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);

  await page.getByRole("button", { name: "Revoke e2e-bot" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “e2e-bot”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(tokenRow(page, "e2e-bot")).toContainText("Revoked");
  expect((await withToken(program, token, "/api/deliveries")).status()).toBe(401);
  await program.dispose();

  await expect(page.getByRole("table", { name: "Audit log" })).toContainText("Revoked API token");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
});

test("a mutation from another site is refused even with a valid session", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  // page.request shares the browser's cookies: this is the signed-in operator's session.
  const forged = await page.request.post("/api/tokens", { headers: { origin: "https://evil.example" }, data: { name: "planted" } });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { code: "forbidden" } });
  const sameSite = await page.request.post("/api/tokens", { headers: { origin: new URL(page.url()).origin }, data: { name: "legit" } });
  expect(sameSite.status()).toBe(201);
});
