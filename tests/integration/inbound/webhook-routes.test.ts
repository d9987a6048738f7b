import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SourceCache } from "@/lib/inbound/source-cache";
import { createSourceSchema } from "@/lib/inbound/source-schema";
import { createSource } from "@/lib/inbound/sources";
import { testProviders, useTestDatabase } from "../../support/databases";
import { resetInbound, webhookRequest } from "./helpers";

describe.each(testProviders())("the webhook routes on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(async () => {
    await resetInbound(t.db);
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", t.url);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("POST /api/webhook accepts an event for the default source and replays it", async () => {
    const { POST } = await import("@/app/api/webhook/route");
    const first = await POST(webhookRequest({ id: "route_1", type: "ping" }));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await first.json()).toMatchObject({ status: "processed", idempotencyKey: "route_1" });

    const again = await POST(webhookRequest({ id: "route_1", type: "ping" }));
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await t.db.prisma.inboundEvent.count()).toBe(1);
  });

  it("POST /api/webhook/{source} accepts an event for a named source and 404s an unknown one", async () => {
    await createSource({ db: t.db, cache: new SourceCache() }, createSourceSchema.parse({ name: "crm" }));
    const { POST } = await import("@/app/api/webhook/[source]/route");
    const ok = await POST(webhookRequest({ id: "route_2" }), { params: Promise.resolve({ source: "crm" }) });
    expect(ok.status).toBe(200);
    const record = await t.db.prisma.inboundEvent.findFirstOrThrow({ include: { source: true } });
    expect(record.source.name).toBe("crm");

    const unknown = await POST(webhookRequest({ id: "route_3" }), { params: Promise.resolve({ source: "nobody" }) });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "not_found", message: 'No inbound source named "nobody"' } });
  });
});

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
