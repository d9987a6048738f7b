import { expect, test } from "@playwright/test";
import { NAV_ITEMS } from "../components/layout/nav-items";

test("health answers ok on the embedded database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: { provider: "sqlite", ok: true } });
});

test("the dashboard shell navigates to every section", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  for (const item of NAV_ITEMS.slice(1)) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: item.label }).click();
    await expect(page).toHaveURL(new RegExp(`${item.href}$`));
    await expect(page.getByRole("link", { name: item.label })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.screenshot({ path: "e2e/artifacts/shell.png", fullPage: true });
});
