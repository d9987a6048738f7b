import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

/** A receiver that answers 200 and counts what it was sent. */
async function startReceiver() {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/held`, received: () => received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("events for a disabled endpoint are held, and sent once the operator re-enables it and says so", async ({ page, request }) => {
  const receiver = await startReceiver();
  try {
    const created = await request.post("/api/endpoints", { data: { url: receiver.url, eventTypes: ["held.e2e"] } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`/endpoints/${id}`);
    await page.getByRole("button", { name: "Disable", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disable endpoint" }).click();
    await expect(page.getByRole("button", { name: "Re-enable endpoint" })).toBeVisible();

    for (let i = 0; i < 5; i++) {
      const res = await request.post("/api/webhook", { data: { id: `evt_held_e2e_${i}`, type: "held.e2e" } });
      expect(res.status()).toBe(200);
    }
    await expect(page.getByTestId("held-count")).toHaveText("5 deliveries");

    await page.getByRole("button", { name: "Re-enable endpoint" }).click();
    await expect(page.getByText("5 deliveries held while it was disabled")).toBeVisible();
    await page.screenshot({ path: "e2e/artifacts/endpoint-held.png", fullPage: true });
    await page.getByRole("button", { name: "Send 5 deliveries" }).click();

    await expect.poll(receiver.received, { timeout: 30_000 }).toBe(5);
    await expect(page.getByText("held while it was disabled")).toBeHidden();
  } finally {
    await receiver.close();
  }
});
