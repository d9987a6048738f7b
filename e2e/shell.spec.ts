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
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of NAV_ITEMS.slice(1)) {
    // Scoped and exact: pages with data link to other sections under similar names.
    await nav.getByRole("link", { name: item.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${item.href}$`));
    await expect(nav.getByRole("link", { name: item.label, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.screenshot({ path: "e2e/artifacts/shell.png", fullPage: true });
});
