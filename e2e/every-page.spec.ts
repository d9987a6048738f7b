import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { LONG_EVENT_TYPE, seedDashboard, startReceiver, type DashboardData, type Receiver } from "./support/dashboard-data";

/*
 * Every page of the dashboard, with rows in its lists (including a long URL and a long event
 * type): at phone width without sideways scrolling, through axe in both themes, and
 * photographed in dark mode for a person to look at (e2e/artifacts/dark/).
 */

interface PageCase {
  name: string;
  path: (d: DashboardData) => string;
  /** What shows once the page has its data: a heading, or a seeded row. */
  ready: (page: Page, d: DashboardData) => Locator;
  signedOut?: boolean;
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const shown = (page: Page, text: string) => page.getByText(text).filter({ visible: true }).first();

const PAGES: PageCase[] = [
  { name: "overview", path: () => "/", ready: (p) => p.getByRole("region", { name: "Totals for the last 24 hours" }) },
  { name: "deliveries", path: () => "/deliveries", ready: (p) => shown(p, LONG_EVENT_TYPE) },
  { name: "delivery", path: (d) => `/deliveries/${d.deliveryId}`, ready: (p) => h1(p, LONG_EVENT_TYPE) },
  { name: "inbound", path: () => "/inbound", ready: (p, d) => shown(p, `evt_${d.run}_1`) },
  { name: "inbound-event", path: (d) => `/inbound/${d.inboundId}`, ready: (p) => h1(p, LONG_EVENT_TYPE) },
  { name: "dead-letters", path: () => "/dead-letters", ready: (p, d) => shown(p, `pages.${d.run}.customer`) },
  { name: "dead-letter", path: (d) => `/dead-letters/${d.deadLetterId}`, ready: (p, d) => h1(p, `pages.${d.run}.customer`) },
  { name: "endpoints", path: () => "/endpoints", ready: (p, d) => shown(p, d.longEndpointUrl) },
  { name: "endpoint", path: (d) => `/endpoints/${d.longEndpointId}`, ready: (p, d) => h1(p, d.longEndpointUrl) },
  { name: "endpoint-failing", path: (d) => `/endpoints/${d.failingEndpointId}`, ready: (p) => p.getByText(/^Failing for \d+ (s|min)$/) },
  { name: "endpoint-new", path: () => "/endpoints/new", ready: (p) => h1(p, "New endpoint") },
  { name: "policies", path: () => "/policies", ready: (p, d) => shown(p, d.policyName) },
  { name: "policy", path: (d) => `/policies/${d.policyId}`, ready: (p, d) => h1(p, d.policyName) },
  { name: "policy-new", path: () => "/policies/new", ready: (p) => h1(p, "New retry policy") },
  { name: "simulator", path: () => "/simulator", ready: (p) => h1(p, "Simulator") },
  { name: "backtest", path: () => "/simulator?tab=backtest", ready: (p) => p.getByRole("tab", { name: "Backtest", selected: true }) },
  { name: "search", path: () => "/search?q=pages.*", ready: (p) => p.getByRole("list", { name: "Search results" }) },
  { name: "settings", path: () => "/settings", ready: (p, d) => shown(p, d.tokenName) },
  { name: "api-docs", path: () => "/docs/api", ready: (p) => p.getByRole("region", { name: "Dead letters" }) },
  { name: "not-found", path: () => "/no-such-page", ready: (p) => h1(p, "This page does not exist") },
  { name: "sign-in", path: () => "/sign-in", ready: (p) => h1(p, "Sign in"), signedOut: true },
];

let receiver: Receiver;
let data: DashboardData;

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(60_000);
  receiver = await startReceiver();
  const { baseURL, storageState } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, storageState });
  data = await seedDashboard(context.request, receiver);
  await context.close();
});

test.afterAll(async () => {
  await receiver?.close();
});

/** Opens a page the way its reader would: signed in unless it is a signed-out page, and waits for its data. */
async function open(page: Page, c: PageCase) {
  if (c.signedOut) await page.context().clearCookies();
  await page.goto(c.path(data));
  await expect(c.ready(page, data)).toBeVisible();
}

test.describe("at 390 × 844, a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const c of PAGES) {
    test(`${c.name} fits the width`, async ({ page }) => {
      await open(page, c);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }

  test("the menu opens the navigation and closes on the way to a section", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await menu.getByRole("link", { name: "Dead letters", exact: true }).click();
    await expect(h1(page, "Dead letters")).toBeVisible();
    await expect(menu).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(menu.getByRole("link", { name: "Dead letters", exact: true })).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
  });
});

/** The serious and critical findings of axe on the page as it is, one line each. */
async function graveViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("light theme", () => {
  test.use({ colorScheme: "light" });

  for (const c of PAGES) {
    test(`${c.name}: axe finds no serious or critical violation`, async ({ page }) => {
      await open(page, c);
      expect(await graveViolations(page)).toEqual([]);
    });
  }
});

test.describe("dark theme, following the system", () => {
  test.use({ colorScheme: "dark" });

  for (const c of PAGES) {
    test(`${c.name}: drawn dark, and axe finds no serious or critical violation`, async ({ page }) => {
      await open(page, c);
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      // The page background is dark, not only the class present.
      const lightness = await page.evaluate(() => {
        // Painted, because the computed colour may be written in oklch.
        const canvas = document.createElement("canvas").getContext("2d")!;
        canvas.fillStyle = getComputedStyle(document.body).backgroundColor;
        canvas.fillRect(0, 0, 1, 1);
        const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      });
      expect(lightness).toBeLessThan(0.2);
      expect(await graveViolations(page)).toEqual([]);
      await page.screenshot({ path: `e2e/artifacts/dark/${c.name}.png`, fullPage: true });
    });
  }
});
