import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { delaySchedule, timeToGiveUpMs } from "@/lib/retry/backoff";
import { DEFAULT_RETRY_POLICY, RETRY_POLICY_MESSAGES } from "@/lib/retry/policy";
import {
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  policyInEffect,
  updatePolicy,
} from "@/lib/delivery/policies";
import { policyCreateSchema, policyUpdateSchema } from "@/lib/delivery/policy-schema";
import { testProviders, useTestDatabase } from "../../support/databases";
import { clearDeliveryData, freshApp, idContext, jsonRequest, responseJson } from "./support";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

const create = (input: Record<string, unknown>) => policyCreateSchema.parse(input);

describe.each(testProviders())("retry policies on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(async () => {
    await clearDeliveryData(t.db);
    const defaults = await t.db.prisma.retryPolicy.findMany({ where: { isDefault: true } });
    expect(defaults.map((p) => p.name)).toEqual(["default"]);
  });

  async function defaultNames(): Promise<string[]> {
    return (await t.db.prisma.retryPolicy.findMany({ where: { isDefault: true } })).map((p) => p.name);
  }

  async function restoreBootstrapDefault(): Promise<void> {
    const bootstrap = await t.db.prisma.retryPolicy.findUniqueOrThrow({ where: { name: "default" } });
    await updatePolicy(t.db, bootstrap.id, { isDefault: true }, "system");
  }

  it("lists the bootstrap default with its schedule and give-up time", async () => {
    const { data } = await listPolicies(t.db);
    expect(data).toHaveLength(1);
    const [p] = data;
    expect(p).toMatchObject({ name: "default", isDefault: true, endpointCount: 0, ...DEFAULT_RETRY_POLICY });
    expect(p.schedule).toEqual(delaySchedule(DEFAULT_RETRY_POLICY));
    expect(p.schedule).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts - 1);
    expect(p.giveUpAfter).toEqual(timeToGiveUpMs(DEFAULT_RETRY_POLICY));
  });

  it("creates a policy with defaults for omitted fields and returns its preview", async () => {
    const p = await createPolicy(t.db, create({ name: "  fast  ", description: "for tests", maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1000, jitterMode: "none" }), "system");
    expect(p).toMatchObject({
      name: "fast",
      description: "for tests",
      isDefault: false,
      maxAttempts: 3,
      initialDelayMs: 100,
      maxDelayMs: 1000,
      exponentialBase: 2,
      jitter: 0.1,
      jitterMode: "none",
      timeoutMs: 30_000,
      endpointCount: 0,
    });
    expect(p.schedule.map((s) => s.baseMs)).toEqual([100, 200]);
    expect(p.giveUpAfter).toEqual({ minMs: 300, maxMs: 300, baseMs: 300 });
    expect(await getPolicy(t.db, p.id)).toEqual(p);
    expect(await defaultNames()).toEqual(["default"]);
  });

  it("makes a policy created as default the only default", async () => {
    const p = await createPolicy(t.db, create({ name: "new-default", isDefault: true }), "system");
    expect(p.isDefault).toBe(true);
    expect(await defaultNames()).toEqual(["new-default"]);
    await restoreBootstrapDefault();
    expect(await defaultNames()).toEqual(["default"]);
  });

  it("moves the default on update and refuses to unset the default itself", async () => {
    const a = await createPolicy(t.db, create({ name: "a" }), "system");
    const updated = await updatePolicy(t.db, a.id, policyUpdateSchema.parse({ isDefault: true, maxAttempts: 7 }), "system");
    expect(updated).toMatchObject({ isDefault: true, maxAttempts: 7 });
    expect(await defaultNames()).toEqual(["a"]);

    const err = await rejection(updatePolicy(t.db, a.id, { isDefault: false }, "system"));
    expect(err.code).toBe("conflict");
    expect(err.status).toBe(409);
    expect(await defaultNames()).toEqual(["a"]);
    await restoreBootstrapDefault();
  });

  it("updates only the fields given and keeps the others", async () => {
    const p = await createPolicy(t.db, create({ name: "partial", maxAttempts: 4, initialDelayMs: 500, maxDelayMs: 5000, description: "keep me" }), "system");
    const updated = await updatePolicy(t.db, p.id, policyUpdateSchema.parse({ timeoutMs: 1000 }), "system");
    expect(updated).toMatchObject({ name: "partial", description: "keep me", maxAttempts: 4, initialDelayMs: 500, maxDelayMs: 5000, timeoutMs: 1000 });
    const cleared = await updatePolicy(t.db, p.id, policyUpdateSchema.parse({ description: null }), "system");
    expect(cleared.description).toBeNull();
  });

  it("checks the cross-field rule on the merged policy when updating", async () => {
    const p = await createPolicy(t.db, create({ name: "merge", initialDelayMs: 1000, maxDelayMs: 2000 }), "system");
    const err = await updatePolicy(t.db, p.id, policyUpdateSchema.parse({ initialDelayMs: 5000 }), "system").catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "ZodError" });
    expect((err as { issues: { path: string[]; message: string }[] }).issues.map((i) => ({ path: i.path.join("."), message: i.message }))).toEqual([
      { path: "maxDelayMs", message: RETRY_POLICY_MESSAGES.maxBelowInitial },
    ]);
    expect((await getPolicy(t.db, p.id)).initialDelayMs).toBe(1000);
  });

  it("refuses a duplicate name with 409 on the name field, on create and on rename", async () => {
    await createPolicy(t.db, create({ name: "dup" }), "system");
    const onCreate = await rejection(createPolicy(t.db, create({ name: "dup" }), "system"));
    expect(onCreate.toBody()).toEqual({
      error: { code: "conflict", message: 'A policy named "dup" already exists', details: [{ path: "name", message: "Another policy already has this name" }] },
    });
    const other = await createPolicy(t.db, create({ name: "other" }), "system");
    const onRename = await rejection(updatePolicy(t.db, other.id, { name: "dup" }, "system"));
    expect(onRename.status).toBe(409);
    expect(await t.db.prisma.retryPolicy.count({ where: { name: "dup" } })).toBe(1);
  });

  it("refuses to delete the default policy", async () => {
    const def = await t.db.prisma.retryPolicy.findUniqueOrThrow({ where: { name: "default" } });
    const err = await rejection(deletePolicy(t.db, def.id, "system"));
    expect(err.code).toBe("conflict");
    expect(await t.db.prisma.retryPolicy.count({ where: { id: def.id } })).toBe(1);
  });

  it("writes the audit row in the change's own transaction, whoever calls: none for a refused change", async () => {
    const p = await createPolicy(t.db, create({ name: "audited" }), "system");
    await updatePolicy(t.db, p.id, { maxAttempts: 2 }, "system");
    // Refused inside the transaction (the merged policy breaks the cross-field rule): no audit row either.
    await updatePolicy(t.db, p.id, { initialDelayMs: 60_000_000 }, "system").catch(() => undefined);
    const rows = await t.db.prisma.auditLog.findMany({ where: { targetId: p.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.actor, r.action])).toEqual([
      ["system", "policy.create"],
      ["system", "policy.update"],
    ]);
  });

  it("deletes a policy in use, detaches its endpoints and says how many", async () => {
    const p = await createPolicy(t.db, create({ name: "doomed" }), "system");
    await t.db.prisma.endpoint.createMany({
      data: [
        { url: "http://a.test/", secret: "whsec_a", policyId: p.id },
        { url: "http://b.test/", secret: "whsec_b", policyId: p.id },
        { url: "http://c.test/", secret: "whsec_c" },
      ],
    });
    expect((await getPolicy(t.db, p.id)).endpointCount).toBe(2);
    expect(await deletePolicy(t.db, p.id, "system")).toEqual({ id: p.id, deleted: true, endpointsAffected: 2 });
    expect(await t.db.prisma.retryPolicy.count({ where: { id: p.id } })).toBe(0);
    expect(await t.db.prisma.endpoint.count({ where: { policyId: null } })).toBe(3);
  });

  it("answers 404 for an unknown policy id", async () => {
    for (const attempt of [() => getPolicy(t.db, "nope"), () => updatePolicy(t.db, "nope", { maxAttempts: 2 }, "system"), () => deletePolicy(t.db, "nope", "system")]) {
      const err = await rejection(attempt());
      expect(err.status).toBe(404);
      expect(err.message).toBe("Retry policy not found");
    }
  });

  it("leaves exactly one default when several policies are promoted at once", async () => {
    const policies = await Promise.all(["p1", "p2", "p3", "p4", "p5"].map((name) => createPolicy(t.db, create({ name }), "system")));
    const results = await Promise.allSettled(policies.map((p) => updatePolicy(t.db, p.id, { isDefault: true }, "system")));
    const losers = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as AppError);
    expect(losers.every((e) => e instanceof AppError && e.code === "conflict")).toBe(true);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(await t.db.prisma.retryPolicy.count({ where: { isDefault: true } })).toBe(1);
    await restoreBootstrapDefault();
  });

  it("resolves the policy in effect: the endpoint's own, else the default", async () => {
    const own = await createPolicy(t.db, create({ name: "own", maxAttempts: 2 }), "system");
    expect(await policyInEffect(t.db, own.id)).toMatchObject({ id: own.id, name: "own", source: "endpoint", maxAttempts: 2 });
    expect(await policyInEffect(t.db, null)).toMatchObject({ name: "default", source: "default", ...DEFAULT_RETRY_POLICY });
  });

  describe("routes", () => {
    let close: () => Promise<void>;
    beforeAll(async () => {
      close = await freshApp(t.url, true);
    });
    afterAll(() => close());

    it("serves list, create, read, update and delete with the right statuses", async () => {
      const collection = await import("@/app/api/policies/route");
      const item = await import("@/app/api/policies/[id]/route");

      const created = await collection.POST(jsonRequest("POST", "/api/policies", { name: "via-route", maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 }), undefined);
      expect(created.status).toBe(201);
      const body = await responseJson<{ id: string; name: string; schedule: unknown[]; giveUpAfter: unknown }>(created);
      expect(body).toMatchObject({ name: "via-route", maxAttempts: 2, schedule: [{ attempt: 1, baseMs: 10 }], giveUpAfter: { baseMs: 10 } });

      const list = await responseJson<{ data: { name: string }[] }>(await collection.GET(jsonRequest("GET", "/api/policies"), undefined));
      expect(list.data.map((p) => p.name)).toEqual(["default", "via-route"]);

      const got = await item.GET(jsonRequest("GET", `/api/policies/${body.id}`), idContext(body.id));
      expect(got.status).toBe(200);
      expect(await responseJson(got)).toMatchObject({ id: body.id, name: "via-route" });

      const patched = await item.PATCH(jsonRequest("PATCH", `/api/policies/${body.id}`, { jitterMode: "full" }), idContext(body.id));
      expect(patched.status).toBe(200);
      expect(await responseJson(patched)).toMatchObject({ jitterMode: "full", maxAttempts: 2 });

      const deleted = await item.DELETE(jsonRequest("DELETE", `/api/policies/${body.id}`), idContext(body.id));
      expect(deleted.status).toBe(204);
      expect(await deleted.text()).toBe("");

      const gone = await item.GET(jsonRequest("GET", `/api/policies/${body.id}`), idContext(body.id));
      expect(gone.status).toBe(404);
      expect(await responseJson(gone)).toEqual({ error: { code: "not_found", message: "Retry policy not found" } });
    });

    it("answers 400 with a message per invalid field", async () => {
      const collection = await import("@/app/api/policies/route");
      const res = await collection.POST(jsonRequest("POST", "/api/policies", { name: "", maxAttempts: 0, jitterMode: "wild", timeoutMs: "fast" }), undefined);
      expect(res.status).toBe(400);
      const body = await responseJson<{ error: { code: string; details: { path: string; message: string }[] } }>(res);
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details).toEqual(
        expect.arrayContaining([
          { path: "name", message: "Name must be 1 to 60 characters" },
          { path: "maxAttempts", message: RETRY_POLICY_MESSAGES.maxAttempts },
          { path: "jitterMode", message: RETRY_POLICY_MESSAGES.jitterMode },
          { path: "timeoutMs", message: RETRY_POLICY_MESSAGES.timeoutMs },
        ]),
      );
      expect(body.error.details).toHaveLength(4);
      expect(await t.db.prisma.retryPolicy.count()).toBe(1);
    });

    it("answers 400 on maxDelayMs when it is below the initial delay, and 409 when deleting the default", async () => {
      const collection = await import("@/app/api/policies/route");
      const item = await import("@/app/api/policies/[id]/route");
      const res = await collection.POST(jsonRequest("POST", "/api/policies", { name: "bad", initialDelayMs: 5000, maxDelayMs: 1000 }), undefined);
      expect(res.status).toBe(400);
      expect(await responseJson(res)).toMatchObject({ error: { details: [{ path: "maxDelayMs", message: RETRY_POLICY_MESSAGES.maxBelowInitial }] } });

      const def = await t.db.prisma.retryPolicy.findUniqueOrThrow({ where: { name: "default" } });
      const refused = await item.DELETE(jsonRequest("DELETE", `/api/policies/${def.id}`), idContext(def.id));
      expect(refused.status).toBe(409);
      expect(await responseJson(refused)).toMatchObject({ error: { code: "conflict" } });
    });
  });
});
