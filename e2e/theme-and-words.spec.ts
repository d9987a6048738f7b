import { expect, test, type APIRequestContext, type Locator } from "@playwright/test";

/* The theme switch, and the words and times every page shares. */

async function newPolicy(api: APIRequestContext, name: string): Promise<string> {
  const res = await api.post("/api/policies", {
    data: { name, maxAttempts: 3, initialDelayMs: 1_000, maxDelayMs: 10_000, exponentialBase: 2, jitter: 0, jitterMode: "none", timeoutMs: 5_000 },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error("both boxes must be on screen");
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

test("the theme follows the system until the operator picks one, and the pick is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  const theme = page.getByRole("radiogroup", { name: "Theme" });
  await expect(theme.getByRole("radio", { name: "System" })).toBeChecked();
  await expect(html).not.toHaveClass(/\bdark\b/);

  // While the choice is "system", a change of the system setting applies at once.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html).not.toHaveClass(/\bdark\b/);

  await theme.getByRole("radio", { name: "Dark" }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: "Dark" })).toBeChecked();
  await expect(html).toHaveClass(/\bdark\b/);

  // An explicit choice wins over the system; arrow keys move it like native radios.
  await page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: "Dark" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: "System" })).toBeChecked();
  await page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: "Light" }).click();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test("a change of the system setting while the page is still loading applies once the page runs", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  let release = () => {};
  const loaded = new Promise<void>((resolve) => (release = resolve));
  // The page's scripts wait, so nothing listens for the system setting yet.
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await loaded;
    await route.continue();
  });
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  release();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: "System" })).toBeChecked();
});

test.describe("in Berlin", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("times read relative, with the exact time and its zone on hover", async ({ page }) => {
    await page.goto("/settings");
    const time = page.getByRole("table", { name: "Audit log" }).locator("time").first();
    await expect(time).toHaveText(/^(just now|\d+ (s|min|h|d) ago) \(/);
    await expect(time).toHaveAttribute("title", /^[A-Z][a-z]{2} \d{1,2}(, \d{4})?, \d{2}:\d{2}:\d{2} UTC\+[12]$/);
  });
});

test("a delivery status has one name in the filter and on the pages", async ({ page }) => {
  await page.goto("/deliveries");
  await expect(page.getByRole("button", { name: "Failed", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Skipped", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Failed", exact: true }).click();
  // The label is the API's own word: the URL filter says the same.
  await expect(page).toHaveURL(/status=failed/);
});

test("a toast does not cover the main button of the form that raised it", async ({ page }) => {
  const id = await newPolicy(page.request, `Toast ${Date.now().toString(36)}`);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(`/policies/${id}`);
    await page.getByLabel("Description").fill(`Saved at ${width} px`);
    const save = page.getByRole("button", { name: "Save changes" });
    await save.click();
    const toast = page.locator("[data-sonner-toast]", { hasText: "Policy saved" });
    await expect(toast).toBeVisible();
    expect(await overlaps(toast, save)).toBe(false);
    await toast.getByRole("button", { name: "Close toast" }).click();
  }
});

test("unsaved policy edits ask before a link leaves them behind", async ({ page }) => {
  const id = await newPolicy(page.request, `Guard ${Date.now().toString(36)}`);
  await page.goto(`/policies/${id}`);
  await page.getByLabel("Description").fill("not saved yet");
  const nav = page.getByRole("navigation", { name: "Main" });

  await nav.getByRole("link", { name: "Endpoints", exact: true }).click();
  const ask = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/policies/${id}$`));
  await expect(page.getByLabel("Description")).toHaveValue("not saved yet");

  await nav.getByRole("link", { name: "Endpoints", exact: true }).click();
  await ask.getByRole("button", { name: "Leave" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Endpoints" })).toBeVisible();

  // Once saved, nothing is asked.
  await page.goto(`/policies/${id}`);
  await page.getByLabel("Description").fill("saved");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Unsaved changes")).toHaveCount(0);
  await nav.getByRole("link", { name: "Endpoints", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Endpoints" })).toBeVisible();
});

test("an install without endpoints is not told that all its endpoints answer", async ({ page }) => {
  // Stand in for a fresh install, whatever other specs have created on this server.
  await page.route("**/api/endpoints", (route) => route.fulfill({ json: { data: [] } }));
  await page.route("**/api/overview?*", async (route) => {
    const real = await (await route.fetch()).json();
    await route.fulfill({ json: { ...real, endpoints: [] } });
  });
  await page.goto("/");
  const attention = page.getByRole("region", { name: "Needs attention" });
  await expect(attention).toContainText("No endpoints yet");
  await expect(attention).not.toContainText("enabled and answering");
  await attention.getByRole("link", { name: "Add one" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New endpoint" })).toBeVisible();
});
