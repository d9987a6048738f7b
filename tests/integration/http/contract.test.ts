import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiPath } from "@/lib/contract/openapi";
import { API_ROUTES } from "@/lib/http/api-routes";
import { signIn, TEST_OPERATOR, useApp, type OperatorClient } from "../../support/app-server";
import { testProviders } from "../../support/databases";
import { deadLetterReport } from "@/examples/dead-letter-report";
import { seedDeadLetters } from "../dlq/support";

interface OpenApiResponse {
  content?: Record<string, { schema: object }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
}

/** The documented answer for a status: its own entry, else the 4XX/5XX range. */
function documentedAnswer(responses: Record<string, OpenApiResponse>, status: number): OpenApiResponse | undefined {
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`];
}

describe("the OpenAPI document covers the route table", () => {
  it("documents every method of every route file under app/api, and nothing else", async () => {
    const { openApiDocument } = await import("@/lib/contract/openapi");
    const doc = openApiDocument() as unknown as OpenApiDocument;
    const routes = API_ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${openApiPath(r.path)}`)).sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(routes);
  });
});

describe.each(testProviders())("every route's real answers match the OpenAPI document on %s", (provider) => {
  const app = useApp(provider);
  let doc: OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  const seen = new Set<string>();
  const failures: string[] = [];

  beforeAll(async () => {
    // The served document, fetched as a client would: public, no credentials.
    const res = await fetch(`${app.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDocument;
    ajv.addSchema(doc, "openapi.json");
  });

  /** Checks one answer against the document and returns its body; every mismatch is kept for the final assertion. */
  async function check(res: Response, method: string, route: string): Promise<unknown> {
    const path = openApiPath(route);
    const where = `${method} ${path} → ${res.status}`;
    const text = await res.text();
    const responses = doc.paths[path]?.[method.toLowerCase()]?.responses;
    if (!responses) {
      failures.push(`${where}: not in the document`);
      return undefined;
    }
    const answer = documentedAnswer(responses, res.status);
    if (!answer) {
      failures.push(`${where}: status not documented`);
      return undefined;
    }
    if (res.status < 400) seen.add(`${method} ${path}`);
    const contentType = res.headers.get("content-type")?.split(";")[0] ?? null;
    const documentedTypes = Object.keys(answer.content ?? {}).map((t) => t.split(";")[0]);
    if (!answer.content) {
      if (text !== "") failures.push(`${where}: a body where the document says none`);
      return undefined;
    }
    if (!contentType || !documentedTypes.includes(contentType)) {
      failures.push(`${where}: content type ${contentType}, documented ${documentedTypes.join(", ")}`);
      return text;
    }
    if (contentType !== "application/json") return text;
    const body: unknown = JSON.parse(text);
    const ptr = `openapi.json#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method.toLowerCase()}/responses/${res.status in responses ? res.status : `${String(res.status)[0]}XX`}/content/application~1json/schema`;
    let validate = validators.get(ptr);
    if (!validate) {
      validate = ajv.getSchema(ptr);
      if (!validate) throw new Error(`no schema at ${ptr}`);
      validators.set(ptr, validate);
    }
    if (!validate(body)) failures.push(`${where}: ${(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`).join("; ")}`);
    return body;
  }

  const call = async (client: OperatorClient, method: string, route: string, url: string, body?: unknown, headers?: Record<string, string>) =>
    (await check(await client.json(method, url, body, headers), method, route)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("answers every documented operation with what the document says", async () => {
    const op = app.operator;
    const pub: OperatorClient = {
      fetch: (path, init) => fetch(`${app.url}${path}`, init),
      json: (method, path, body, headers = {}) =>
        fetch(`${app.url}${path}`, { method, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }),
    };

    // Public and auth routes.
    await call(pub, "GET", "/api/openapi.json", "/api/openapi.json");
    await call(pub, "GET", "/api/health", "/api/health");
    await call(pub, "GET", "/api/ping", "/api/ping");
    await call(pub, "POST", "/api/ping", "/api/ping", { any: "thing" });
    await call(op, "GET", "/api/auth/session", "/api/auth/session");
    await call(pub, "GET", "/api/auth/session", "/api/auth/session");
    await call(pub, "POST", "/api/auth/setup", "/api/auth/setup", { email: "second@hookrelay.test", password: "a long enough password" });
    await call(pub, "POST", "/api/auth/sign-in", "/api/auth/sign-in", { email: "nobody@hookrelay.test", password: "wrong" });
    await call(pub, "POST", "/api/auth/sign-in", "/api/auth/sign-in", TEST_OPERATOR);
    const other = await signIn(app.url);
    await check(await other.json("POST", "/api/auth/sign-out"), "POST", "/api/auth/sign-out");

    // Tokens and the audit trail.
    const token = await call(op, "POST", "/api/tokens", "/api/tokens", { name: "contract test" });
    await call(op, "GET", "/api/tokens", "/api/tokens");
    await call(op, "DELETE", "/api/tokens/[id]", `/api/tokens/${token.id}`);
    await call(op, "POST", "/api/tokens", "/api/tokens", { name: "" });

    // Policies and endpoints.
    const policy = await call(op, "POST", "/api/policies", "/api/policies", { name: "contract", maxAttempts: 3 });
    await call(op, "GET", "/api/policies", "/api/policies");
    await call(op, "GET", "/api/policies/[id]", `/api/policies/${policy.id}`);
    await call(op, "PATCH", "/api/policies/[id]", `/api/policies/${policy.id}`, { maxAttempts: 4 });
    await call(op, "GET", "/api/policies/[id]", "/api/policies/nope");
    const endpoint = await call(op, "POST", "/api/endpoints", "/api/endpoints", { url: "http://127.0.0.1:9/hook", eventTypes: ["contract.test"], policyId: policy.id });
    await call(op, "POST", "/api/endpoints", "/api/endpoints", {});
    await call(op, "GET", "/api/endpoints", "/api/endpoints");
    await call(op, "GET", "/api/endpoints/[id]", `/api/endpoints/${endpoint.id}`);
    await call(op, "PATCH", "/api/endpoints/[id]", `/api/endpoints/${endpoint.id}`, { description: "contract" });
    await call(op, "POST", "/api/endpoints/[id]/rotate-secret", `/api/endpoints/${endpoint.id}/rotate-secret`);
    await call(op, "POST", "/api/endpoints/[id]/test", `/api/endpoints/${endpoint.id}/test`, undefined, { "Idempotency-Key": "contract-test-event" });
    await call(op, "GET", "/api/endpoints/[id]/series", `/api/endpoints/${endpoint.id}/series`);
    await call(op, "POST", "/api/endpoints/[id]/held", `/api/endpoints/${endpoint.id}/held`, { action: "discard" });
    await call(op, "POST", "/api/endpoints/[id]/held", `/api/endpoints/${endpoint.id}/held`, { action: "later" });

    // Operators.
    const colleague = await call(op, "POST", "/api/operators", "/api/operators", { email: "colleague@hookrelay.test", password: "a long enough password" });
    await call(op, "GET", "/api/operators", "/api/operators");
    await call(op, "DELETE", "/api/operators/[id]", `/api/operators/${colleague.id}`);
    await call(op, "POST", "/api/account/password", "/api/account/password", { currentPassword: "not the password", newPassword: "a long enough password" });
    await call(op, "POST", "/api/account/password", "/api/account/password", { currentPassword: TEST_OPERATOR.password, newPassword: "a long enough password" });
    await call(op, "POST", "/api/account/password", "/api/account/password", { currentPassword: "a long enough password", newPassword: TEST_OPERATOR.password });

    // Messages and deliveries.
    const message = await call(op, "POST", "/api/messages", "/api/messages", { eventType: "contract.test", payload: { n: 1 } }, { "Idempotency-Key": "contract-1" });
    await call(op, "POST", "/api/messages", "/api/messages", { eventType: "contract.test", payload: { n: 1 } }, { "Idempotency-Key": "contract-1" });
    await call(op, "GET", "/api/messages/[id]", `/api/messages/${message.id}`);
    await call(op, "GET", "/api/deliveries", "/api/deliveries?limit=1");
    const deliveryId = message.deliveries[0].id as string;
    await call(op, "GET", "/api/deliveries/[id]", `/api/deliveries/${deliveryId}`);
    await call(op, "POST", "/api/deliveries/[id]/replay", `/api/deliveries/${deliveryId}/replay`);
    await call(op, "GET", "/api/deliveries", "/api/deliveries?status=nope");

    // Dead letters.
    const row = await app.db.prisma.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    const letters = await seedDeadLetters(app.db, { ...row, eventType: "contract.test" }, 4);
    await call(op, "GET", "/api/dlq", "/api/dlq?limit=2");
    await call(op, "GET", "/api/dlq/stats", "/api/dlq/stats?byEndpoint=true");
    await call(op, "GET", "/api/dlq/[id]", `/api/dlq/${letters[0].id}`);
    await call(op, "POST", "/api/dlq/[id]/reprocess", `/api/dlq/${letters[0].id}/reprocess`);
    await call(op, "POST", "/api/dlq/[id]/discard", `/api/dlq/${letters[1].id}/discard`);
    await call(op, "POST", "/api/dlq/reprocess", "/api/dlq/reprocess", { ids: [letters[2].id], dryRun: true });
    const job = await call(op, "POST", "/api/dlq/reprocess", "/api/dlq/reprocess", { ids: [letters[2].id], ratePerSecond: 0.1 });
    await call(op, "GET", "/api/dlq/reprocess/[job]", `/api/dlq/reprocess/${job.job.id}`);
    await call(op, "POST", "/api/dlq/reprocess/[job]/cancel", `/api/dlq/reprocess/${job.job.id}/cancel`);
    await call(op, "POST", "/api/dlq/discard", "/api/dlq/discard", { ids: [letters[3].id], dryRun: true });
    await call(op, "POST", "/api/dlq/discard", "/api/dlq/discard", { ids: [letters[3].id] });

    // Inbound: webhooks, events, sources.
    await check(await app.postWebhook({ type: "contract.test", id: "evt_contract_1" }), "POST", "/api/webhook");
    const events = await call(op, "GET", "/api/inbound", "/api/inbound?limit=5");
    await call(op, "GET", "/api/inbound/[id]", `/api/inbound/${events.data[0].id}`);
    const source = await call(op, "POST", "/api/sources", "/api/sources", { name: "contract-src", provider: "standard_webhooks" });
    await call(op, "GET", "/api/sources", "/api/sources");
    await call(op, "GET", "/api/sources/[id]", `/api/sources/${source.id}`);
    await call(op, "PATCH", "/api/sources/[id]", `/api/sources/${source.id}`, { description: "contract" });
    await call(op, "POST", "/api/sources/[id]/rotate-secret", `/api/sources/${source.id}/rotate-secret`);
    // Unsigned, so refused (401): the refusal is what the refusals list shows next.
    await check(await app.postWebhook({ type: "contract.test", id: "evt_contract_2" }, {}, "contract-src"), "POST", "/api/webhook/[source]");
    await check(await app.postWebhook({ type: "contract.test", id: "evt_contract_3" }, {}, "default"), "POST", "/api/webhook/[source]");
    await call(op, "GET", "/api/sources/[id]/refusals", `/api/sources/${source.id}/refusals`);
    await check(await op.fetch(`/api/sources/${source.id}`, { method: "DELETE" }), "DELETE", "/api/sources/[id]");

    // Simulator.
    const policyInput = { maxAttempts: 3, initialDelayMs: 1000, jitterMode: "none" };
    await call(op, "POST", "/api/simulate", "/api/simulate", { policy: policyInput, failureRate: 0.5, timeoutRate: 0, deliveries: 50 });
    await call(op, "POST", "/api/simulate", "/api/simulate", { policy: policyInput, failureRate: 2, timeoutRate: 0 });
    await call(op, "POST", "/api/simulate/compare", "/api/simulate/compare", { failureRate: 0.5, timeoutRate: 0, deliveries: 50, policies: [{ label: "a", policy: policyInput }] });
    const now = Date.now();
    await call(op, "POST", "/api/simulate/backtest", "/api/simulate/backtest", {
      endpointId: endpoint.id,
      since: new Date(now - 3_600_000).toISOString(),
      until: new Date(now + 60_000).toISOString(),
      policy: policyInput,
    });

    // Operations.
    await call(op, "GET", "/api/overview", "/api/overview?window=1h");
    await check(await op.fetch("/api/metrics"), "GET", "/api/metrics");
    await call(op, "POST", "/api/cleanup", "/api/cleanup");
    await call(op, "GET", "/api/audit", "/api/audit?limit=5");
    await call(op, "GET", "/api/search", `/api/search?q=${encodeURIComponent("evt_contract_1")}`);
    await call(op, "GET", "/api/search", "/api/search?q=contract.*");
    await call(op, "GET", "/api/search", "/api/search?q=");

    // Deletes last: the records above needed them.
    await call(op, "DELETE", "/api/endpoints/[id]", `/api/endpoints/${endpoint.id}`);
    await call(op, "DELETE", "/api/policies/[id]", `/api/policies/${policy.id}`);

    expect(failures).toEqual([]);
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    // Setup can only refuse here: the test server creates its operator at start-up.
    expect(operations.filter((o) => !seen.has(o))).toEqual(["POST /api/auth/setup"]);
  });

  it("serves the example program, a client generated from the document, with an API token", async () => {
    const endpoint = (await (await app.operator.json("POST", "/api/endpoints", { url: "http://127.0.0.1:9/report", eventTypes: ["report.test"] })).json()) as { id: string };
    const row = await app.db.prisma.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    await seedDeadLetters(app.db, { ...row, eventType: "report.test" }, 3);
    const { token } = (await (await app.operator.json("POST", "/api/tokens", { name: "example" })).json()) as { token: string };
    const report = await deadLetterReport(app.url, token);
    expect(report.byEndpoint["http://127.0.0.1:9/report"]).toEqual({ max_retries: 3 });
    expect(report.reprocessable).toBe(report.pending);
  });
});
