// The routes through `next start` are covered by the other files here; a server whose
// database is down cannot be started, so this one calls the route module itself.
import { afterEach, describe, expect, it, vi } from "vitest";
import { webhookRequest } from "./helpers";

describe("the webhook route while the database is away", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("answers 503 with Retry-After", async () => {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none");
    const { POST } = await import("@/app/api/webhook/route");
    const res = await POST(webhookRequest({ id: "down" }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toMatchObject({ error: { code: "database_unavailable" } });
  });
});
