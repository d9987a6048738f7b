import { expect, test } from "@playwright/test";

test("an operator adds a colleague, who can sign in, then removes them", async ({ page, browser }) => {
  const email = `colleague-${Date.now()}@example.com`;
  const password = "a long enough password";
  await page.goto("/settings");
  const card = page.getByRole("region", { name: "Operators" });
  await card.getByLabel("E-mail").fill(email);
  await card.getByLabel("Password", { exact: true }).fill(password);
  await card.getByRole("button", { name: "Add operator" }).click();
  await expect(page.getByRole("list", { name: "Operators" }).getByText(email)).toBeVisible();

  const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signIn = await theirs.request.post("/api/auth/sign-in", { data: { email, password } });
  expect(signIn.status()).toBe(200);

  await page.getByRole("button", { name: `Remove ${email}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove operator" }).click();
  await expect(page.getByRole("list", { name: "Operators" }).getByText(email)).toBeHidden();
  // Their session ended with them, and they cannot sign in again.
  expect((await theirs.request.get("/api/auth/session")).status()).toBe(401);
  expect((await theirs.request.post("/api/auth/sign-in", { data: { email, password } })).status()).toBe(401);
  await theirs.close();
  await page.screenshot({ path: "e2e/artifacts/settings-operators.png", fullPage: true });
});
