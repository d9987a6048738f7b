import { afterEach, describe, expect, it, vi } from "vitest";
import { connect } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/health";
import { testProviders, useTestDatabase } from "../support/databases";

describe.each(testProviders())("health on %s", (provider) => {
  const t = useTestDatabase(provider);

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("reports the provider and ok when the database answers", async () => {
    vi.stubEnv("DATABASE_URL", t.url);
    const health = await checkDatabase(async () => t.db);
    expect(health).toMatchObject({ provider, ok: true });
  });
});

describe("health when the database is away", () => {
  it("reports ok: false instead of throwing when PostgreSQL refuses connections", async () => {
    const url = "postgresql://postgres@127.0.0.1:1/none";
    vi.stubEnv("DATABASE_URL", url);
    const db = await connect(url);
    try {
      const health = await checkDatabase(async () => db);
      expect(health.provider).toBe("postgresql");
      expect(health.ok).toBe(false);
      expect(health.error).toBeTruthy();
    } finally {
      await db.close();
      vi.unstubAllEnvs();
    }
  });

  it("the route answers 503 with ok: false", async () => {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none");
    try {
      const { GET } = await import("@/app/api/health/route");
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ database: { provider: "postgresql", ok: false } });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
