import { describe, expect, it } from "vitest";
import { testProviders } from "@/tests/support/databases";
import { useApp } from "@/tests/support/app-server";

describe.each(testProviders())("the built app on %s", (provider) => {
  const app = useApp(provider);

  it("migrates its empty database on first start and reports it healthy", async () => {
    const res = await app.fetch("/api/health");
    expect(await res.json()).toMatchObject({ status: "ok", database: { provider, ok: true } });
  });

  it("serves operator APIs to the signed-in operator and refuses anyone else", async () => {
    expect((await app.operator.fetch("/api/sources")).status).toBe(200);
    expect((await app.fetch("/api/sources")).status).toBe(401);
  });
});
