import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTOR_HEADER, encodeActor } from "@/lib/auth/actor";
import { testProviders, useTestDatabase } from "../../support/databases";
import { freshApp, idContext, jsonRequest, responseJson } from "./support";

describe.each(testProviders())("audit trail of operator changes on %s", (provider) => {
  const t = useTestDatabase(provider);
  let close: () => Promise<void>;
  beforeAll(async () => {
    close = await freshApp(t.url, true);
  });
  afterAll(async () => close());

  it("records who created, edited and deleted a policy and an endpoint", async () => {
    const as = { [ACTOR_HEADER]: encodeActor({ kind: "operator", id: "op_1", name: "ops@example.com" }) };
    const policies = await import("@/app/api/policies/route");
    const policy = await import("@/app/api/policies/[id]/route");
    const endpoints = await import("@/app/api/endpoints/route");
    const endpoint = await import("@/app/api/endpoints/[id]/route");

    const p = await responseJson<{ id: string }>(await policies.POST(jsonRequest("POST", "/api/policies", { name: "audited", maxAttempts: 3 }, as), undefined as never));
    await policy.PATCH(jsonRequest("PATCH", `/api/policies/${p.id}`, { maxAttempts: 4 }, as), idContext(p.id));
    const e = await responseJson<{ id: string }>(await endpoints.POST(jsonRequest("POST", "/api/endpoints", { url: "http://127.0.0.1:9/x", policyId: p.id }, as), undefined as never));
    await endpoint.PATCH(jsonRequest("PATCH", `/api/endpoints/${e.id}`, { enabled: false }, as), idContext(e.id));
    await endpoint.DELETE(jsonRequest("DELETE", `/api/endpoints/${e.id}`, undefined, as), idContext(e.id));
    await policy.DELETE(jsonRequest("DELETE", `/api/policies/${p.id}`, undefined, as), idContext(p.id));

    const rows = await t.db.prisma.auditLog.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.action, r.targetId, r.actor])).toEqual([
      ["policy.create", p.id, "operator:ops@example.com"],
      ["policy.update", p.id, "operator:ops@example.com"],
      ["endpoint.create", e.id, "operator:ops@example.com"],
      ["endpoint.update", e.id, "operator:ops@example.com"],
      ["endpoint.delete", e.id, "operator:ops@example.com"],
      ["policy.delete", p.id, "operator:ops@example.com"],
    ]);
    expect(JSON.parse(rows[3].details ?? "{}")).toEqual({ enabled: false });
  });
});
