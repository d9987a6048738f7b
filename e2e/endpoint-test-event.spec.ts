import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

test("an operator sends a test event from the endpoint page and sees the answer there, and in its recent deliveries", async ({ page, request }) => {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end("ok"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const created = await request.post("/api/endpoints", { data: { url: `http://127.0.0.1:${port}/test-event`, eventTypes: ["never.sent"] } });
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/endpoints/${id}`);
    await expect(page.getByText("Nothing has been sent to this endpoint yet.")).toBeVisible();

    await page.getByRole("button", { name: "Send test event" }).click();
    const result = page.getByTestId("test-event-result");
    await expect(result.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });
    await expect(result.getByText("200", { exact: true })).toBeVisible();
    await expect(result.getByText(/^in \d/)).toBeVisible();
    await expect(page.getByRole("list", { name: "Recent deliveries" }).getByText("hookrelay.test")).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: "e2e/artifacts/endpoint-test-event.png", fullPage: true });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
