import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createEndpoint } from "@/lib/delivery/create-endpoint";
import { deleteEndpoint } from "@/lib/delivery/delete-endpoint";
import { endpointCreateSchema, endpointUpdateSchema } from "@/lib/delivery/endpoint-schema";
import { SECRET_ROTATION_GRACE_MS } from "@/lib/delivery/endpoint-secret";
import { getEndpoint } from "@/lib/delivery/get-endpoint";
import { listEndpoints } from "@/lib/delivery/list-endpoints";
import { rotateEndpointSecret } from "@/lib/delivery/rotate-endpoint-secret";
import { OPERATOR_DISABLED_REASON, updateEndpoint } from "@/lib/delivery/update-endpoint";
import { createMessage } from "@/lib/delivery/create-message";
import { testProviders, useTestDatabase } from "../../support/databases";
import { clearDeliveryData, freshApp, idContext, jsonRequest, responseJson } from "./support";

const open = { allowPrivate: true };
const SECRET_FORM = /^whsec_[A-Za-z0-9+/]{32}$/;

type ErrorJson = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

function issuesOf(input: unknown, schema: typeof endpointCreateSchema | typeof endpointUpdateSchema = endpointCreateSchema) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("endpoint input schema", () => {
  it("fills defaults and normalizes the filter", () => {
    expect(endpointCreateSchema.parse({ url: " https://example.com/hook ", eventTypes: ["a.b", " a.b ", "c.*"] })).toEqual({
      url: "https://example.com/hook",
      eventTypes: ["a.b", "c.*"],
      enabled: true,
    });
  });

  it("names the field of every mistake", () => {
    expect(
      issuesOf({
        url: "ftp://example.com/",
        description: "x".repeat(501),
        eventTypes: ["inv*oice", "", "*.paid"],
        policyId: 5,
        enabled: "yes",
        rateLimitPerSecond: 0,
        maxConcurrency: 1001,
      }),
    ).toEqual([
      { path: "url", message: "URL must be an absolute http or https URL" },
      { path: "description", message: "Description has at most 500 characters" },
      { path: "eventTypes.1", message: "An event type cannot be empty" },
      { path: "eventTypes.0", message: '"inv*oice" is not a valid filter: use an exact type, "prefix.*" or "*"' },
      { path: "eventTypes.2", message: '"*.paid" is not a valid filter: use an exact type, "prefix.*" or "*"' },
      { path: "policyId", message: "Policy must be a policy id or null" },
      { path: "enabled", message: "Enabled must be true or false" },
      { path: "rateLimitPerSecond", message: "Rate limit must be a whole number of requests per second from 1 to 10,000, or empty for none" },
      { path: "maxConcurrency", message: "Max concurrency must be a whole number from 1 to 1,000, or empty for no limit" },
    ]);
  });

  it("refuses wildcards the matcher does not understand", () => {
    expect(issuesOf({ url: "https://e.com", eventTypes: ["inv*oice", "*.paid", "invoice.*", "*", ".*"] })).toEqual([
      { path: "eventTypes.0", message: '"inv*oice" is not a valid filter: use an exact type, "prefix.*" or "*"' },
      { path: "eventTypes.1", message: '"*.paid" is not a valid filter: use an exact type, "prefix.*" or "*"' },
      { path: "eventTypes.4", message: '".*" is not a valid filter: use an exact type, "prefix.*" or "*"' },
    ]);
  });

  it("requires the url on create only", () => {
    expect(issuesOf({})).toEqual([{ path: "url", message: "URL must be an absolute http or https URL" }]);
    expect(issuesOf({}, endpointUpdateSchema)).toEqual([]);
    expect(issuesOf({ rateLimitPerSecond: null, maxConcurrency: 1000 }, endpointUpdateSchema)).toEqual([]);
  });
});

describe.each(testProviders())("endpoints on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(() => clearDeliveryData(t.db));

  const make = (input: Record<string, unknown> = {}) => createEndpoint(t.db, endpointCreateSchema.parse({ url: "http://127.0.0.1:9/hook", ...input }), open, "system");

  it("creates an endpoint and shows its secret only in the create answer", async () => {
    const policy = await t.db.prisma.retryPolicy.create({ data: { name: "custom", maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, exponentialBase: 2, jitter: 0, jitterMode: "none", timeoutMs: 1000 } });
    const created = await make({ description: "orders", eventTypes: ["invoice.*"], policyId: policy.id, rateLimitPerSecond: 5, maxConcurrency: 2 });
    expect(created.secret).toMatch(SECRET_FORM);
    expect(created).toMatchObject({
      url: "http://127.0.0.1:9/hook",
      description: "orders",
      eventTypes: ["invoice.*"],
      enabled: true,
      disabledReason: null,
      policyId: policy.id,
      policy: { id: policy.id, name: "custom" },
      rateLimitPerSecond: 5,
      maxConcurrency: 2,
      secretHint: created.secret.slice(-4),
      previousSecretExpiresAt: null,
    });
    const row = await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secret).toBe(created.secret);
    expect(row.eventTypes).toBe('["invoice.*"]');

    const listed = await listEndpoints(t.db);
    expect(listed.data.map((e) => e.id)).toEqual([created.id]);
    const detail = await getEndpoint(t.db, created.id);
    for (const view of [listed.data[0], detail]) {
      expect(view).not.toHaveProperty("secret");
      expect(JSON.stringify(view)).not.toContain(created.secret);
      expect(view.secretHint).toBe(created.secret.slice(-4));
    }
  });

  it("gives every endpoint its own secret", async () => {
    const secrets = new Set(await Promise.all([1, 2, 3, 4].map(async () => (await make()).secret)));
    expect(secrets.size).toBe(4);
  });

  it("records why an endpoint created disabled is off", async () => {
    const created = await make({ enabled: false });
    expect(created).toMatchObject({ enabled: false, disabledReason: OPERATOR_DISABLED_REASON });
    expect(created.disabledAt).toBeInstanceOf(Date);
  });

  it("refuses an unknown policy on the policyId field, on create and on update", async () => {
    const onCreate = await rejection(make({ policyId: "no-such-policy" }));
    expect(onCreate.toBody()).toEqual({
      error: { code: "validation_failed", message: "No retry policy has this id", details: [{ path: "policyId", message: "No retry policy has this id" }] },
    });
    expect(await t.db.prisma.endpoint.count()).toBe(0);
    const e = await make();
    const onUpdate = await rejection(updateEndpoint(t.db, e.id, { policyId: "no-such-policy" }, open, "system"));
    expect(onUpdate.status).toBe(400);
    expect(onUpdate.details).toEqual([{ path: "policyId", message: "No retry policy has this id" }]);
    expect((await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: e.id } })).policyId).toBeNull();
  });

  it("updates the fields given, clears nullable ones with null and keeps the rest", async () => {
    const e = await make({ description: "first", eventTypes: ["a"], rateLimitPerSecond: 10 });
    const updated = await updateEndpoint(t.db, e.id, endpointUpdateSchema.parse({ url: "http://127.0.0.1:10/new", description: null, eventTypes: [] }), open, "system");
    expect(updated).toMatchObject({ url: "http://127.0.0.1:10/new", description: null, eventTypes: [], rateLimitPerSecond: 10, secretHint: e.secretHint });
    const row = await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.secret).toBe(e.secret);
    expect(row.eventTypes).toBe("[]");
  });

  it("records an operator's disable and clears every trace of failure on re-enable", async () => {
    const e = await make();
    const off = await updateEndpoint(t.db, e.id, { enabled: false }, open, "system");
    expect(off).toMatchObject({ enabled: false, disabledReason: OPERATOR_DISABLED_REASON });
    expect(off.disabledAt).toBeInstanceOf(Date);

    // As the worker leaves it after auto-disabling a failing endpoint.
    await t.db.prisma.endpoint.update({ where: { id: e.id }, data: { disabledReason: "Failing for 5 days", failingSince: new Date(Date.now() - 86_400_000) } });
    const stillOff = await updateEndpoint(t.db, e.id, { enabled: false, description: "x" }, open, "system");
    expect(stillOff.disabledReason).toBe("Failing for 5 days");

    const on = await updateEndpoint(t.db, e.id, { enabled: true }, open, "system");
    expect(on).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
  });

  it("rotates the secret, keeping the old one valid for 24 hours", async () => {
    const e = await make();
    const now = new Date();
    const rotated = await rotateEndpointSecret(t.db, e.id, "system", now);
    expect(rotated.secret).toMatch(SECRET_FORM);
    expect(rotated.secret).not.toBe(e.secret);
    expect(rotated).toEqual({ id: e.id, secret: rotated.secret, secretHint: rotated.secret.slice(-4), previousSecretExpiresAt: new Date(now.getTime() + SECRET_ROTATION_GRACE_MS) });
    const row = await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ secret: rotated.secret, previousSecret: e.secret, previousSecretExpiresAt: rotated.previousSecretExpiresAt });

    const detail = await getEndpoint(t.db, e.id, now);
    expect(detail.secretHint).toBe(rotated.secret.slice(-4));
    expect(detail.previousSecretExpiresAt).toEqual(rotated.previousSecretExpiresAt);
    expect(JSON.stringify(detail)).not.toContain(rotated.secret);
    expect(JSON.stringify(detail)).not.toContain(e.secret);
    const afterGrace = await getEndpoint(t.db, e.id, new Date(now.getTime() + SECRET_ROTATION_GRACE_MS + 1));
    expect(afterGrace.previousSecretExpiresAt).toBeNull();
  });

  it("deletes an endpoint together with its deliveries", async () => {
    const e = await make();
    const keep = await make();
    await createMessage(t.db, { eventType: "a", payload: "{}" });
    expect(await t.db.prisma.delivery.count()).toBe(2);
    expect(await deleteEndpoint(t.db, e.id, "system")).toEqual({ id: e.id, deleted: true });
    expect(await t.db.prisma.endpoint.count({ where: { id: e.id } })).toBe(0);
    expect((await t.db.prisma.delivery.findMany()).map((d) => d.endpointId)).toEqual([keep.id]);
  });

  it("answers 404 for an unknown endpoint id", async () => {
    for (const attempt of [() => getEndpoint(t.db, "nope"), () => updateEndpoint(t.db, "nope", { description: "x" }, open, "system"), () => deleteEndpoint(t.db, "nope", "system"), () => rotateEndpointSecret(t.db, "nope", "system")]) {
      const err = await rejection(attempt());
      expect(err.status).toBe(404);
      expect(err.message).toBe("Endpoint not found");
    }
  });

  it("reports health over the last 24 hours", async () => {
    const e = await make({ enabled: false });
    await t.db.prisma.endpoint.update({ where: { id: e.id }, data: { disabledReason: "Failing for 5 days" } });
    const other = await make();
    const message = await t.db.prisma.message.create({ data: { eventType: "a", payload: "{}" } });
    const now = new Date();
    const old = new Date(now.getTime() - 25 * 3600_000);
    const delivery = (endpointId: string, status: string, completedAt: Date | null) =>
      t.db.prisma.delivery.create({ data: { messageId: message.id, endpointId, status, completedAt } });
    for (let i = 0; i < 3; i++) await delivery(e.id, "succeeded", now);
    await delivery(e.id, "failed", now);
    const dead = await delivery(e.id, "dead", now);
    await delivery(e.id, "pending", null);
    await delivery(e.id, "succeeded", old); // outside the window
    await delivery(other.id, "dead", now); // another endpoint
    const otherDelivery = await delivery(other.id, "pending", null);

    const t0 = new Date(now.getTime() - 60_000);
    await t.db.prisma.deliveryAttempt.createMany({
      data: [
        { deliveryId: dead.id, number: 1, startedAt: t0, durationMs: 5, statusCode: 500, outcome: "RETRY" },
        { deliveryId: dead.id, number: 2, startedAt: new Date(t0.getTime() + 1000), durationMs: 5, error: "connection refused", outcome: "DEAD" },
        { deliveryId: dead.id, number: 3, startedAt: new Date(t0.getTime() + 2000), durationMs: 5, statusCode: 204, outcome: "SUCCESS" },
        { deliveryId: otherDelivery.id, number: 1, startedAt: new Date(t0.getTime() + 5000), durationMs: 5, statusCode: 503, outcome: "RETRY" },
      ],
    });

    const { health } = await getEndpoint(t.db, e.id, now);
    expect(health).toEqual({
      windowHours: 24,
      succeeded: 3,
      failed: 1,
      dead: 1,
      successRate: 0.6,
      lastFailure: { at: new Date(t0.getTime() + 1000), deliveryId: dead.id, statusCode: null, error: "connection refused" },
      disabledReason: "Failing for 5 days",
    });

    const quiet = await make();
    expect((await getEndpoint(t.db, quiet.id, now)).health).toMatchObject({ succeeded: 0, failed: 0, dead: 0, successRate: null, lastFailure: null, disabledReason: null });
  });

  describe("routes", () => {
    let close: () => Promise<void>;
    beforeAll(async () => {
      close = await freshApp(t.url, true);
    });
    afterAll(() => close());

    it("creates, lists, reads, updates, rotates and deletes through HTTP", async () => {
      const collection = await import("@/app/api/endpoints/route");
      const item = await import("@/app/api/endpoints/[id]/route");
      const rotate = await import("@/app/api/endpoints/[id]/rotate-secret/route");

      const res = await collection.POST(jsonRequest("POST", "/api/endpoints", { url: "http://127.0.0.1:9/hook", eventTypes: ["order.*"] }), undefined);
      expect(res.status).toBe(201);
      const created = await responseJson<{ id: string; secret: string; secretHint: string; eventTypes: string[] }>(res);
      expect(created.secret).toMatch(SECRET_FORM);
      expect(created.eventTypes).toEqual(["order.*"]);

      const list = await collection.GET(jsonRequest("GET", "/api/endpoints"), undefined);
      expect(list.status).toBe(200);
      const listText = await list.text();
      expect(listText).not.toContain(created.secret);
      expect(JSON.parse(listText)).toMatchObject({ data: [{ id: created.id, secretHint: created.secret.slice(-4) }] });

      const got = await item.GET(jsonRequest("GET", `/api/endpoints/${created.id}`), idContext(created.id));
      expect(got.status).toBe(200);
      expect(await responseJson(got)).toMatchObject({ id: created.id, health: { succeeded: 0, successRate: null } });

      const patched = await item.PATCH(jsonRequest("PATCH", `/api/endpoints/${created.id}`, { enabled: false, maxConcurrency: 3 }), idContext(created.id));
      expect(patched.status).toBe(200);
      expect(await responseJson(patched)).toMatchObject({ enabled: false, maxConcurrency: 3, disabledReason: OPERATOR_DISABLED_REASON });

      const rotated = await rotate.POST(jsonRequest("POST", `/api/endpoints/${created.id}/rotate-secret`), idContext(created.id));
      expect(rotated.status).toBe(200);
      const rotatedBody = await responseJson<{ secret: string; previousSecretExpiresAt: string }>(rotated);
      expect(rotatedBody.secret).toMatch(SECRET_FORM);
      expect(rotatedBody.secret).not.toBe(created.secret);
      expect(Date.parse(rotatedBody.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(SECRET_ROTATION_GRACE_MS - 60_000);

      const deleted = await item.DELETE(jsonRequest("DELETE", `/api/endpoints/${created.id}`), idContext(created.id));
      expect(deleted.status).toBe(204);
      expect(await deleted.text()).toBe("");

      const gone = await item.GET(jsonRequest("GET", `/api/endpoints/${created.id}`), idContext(created.id));
      expect(gone.status).toBe(404);
      expect(await responseJson(gone)).toEqual({ error: { code: "not_found", message: "Endpoint not found" } });
      const goneRotate = await rotate.POST(jsonRequest("POST", `/api/endpoints/${created.id}/rotate-secret`), idContext(created.id));
      expect(goneRotate.status).toBe(404);
    });

    it("answers 400 with field paths for an invalid body, and for a body that is not JSON", async () => {
      const collection = await import("@/app/api/endpoints/route");
      const res = await collection.POST(jsonRequest("POST", "/api/endpoints", { url: "not a url", rateLimitPerSecond: 1.5 }), undefined);
      expect(res.status).toBe(400);
      expect(await responseJson<ErrorJson>(res)).toEqual({
        error: {
          code: "validation_failed",
          message: "URL must be an absolute http or https URL (and 1 more: see details)",
          details: [
            { path: "url", message: "URL must be an absolute http or https URL" },
            { path: "rateLimitPerSecond", message: "Rate limit must be a whole number of requests per second from 1 to 10,000, or empty for none" },
          ],
        },
      });
      const notJson = await collection.POST(jsonRequest("POST", "/api/endpoints", "{url:"), undefined);
      expect(notJson.status).toBe(400);
      expect((await responseJson<ErrorJson>(notJson)).error.code).toBe("invalid_json");
      expect(await t.db.prisma.endpoint.count()).toBe(0);
    });
  });
});
