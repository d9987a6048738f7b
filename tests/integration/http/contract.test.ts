import { describe, expect, it } from "vitest";
import { openApiDocument, openApiPath } from "@/lib/contract/openapi";
import { API_ROUTES } from "@/lib/http/api-routes";
import { httpClient, signIn, TEST_OPERATOR, useApp, type OperatorClient } from "../../support/app-server";
import { answeredOperations } from "../../support/contract";
import { testProviders } from "../../support/databases";
import { deadLetterReport } from "@/examples/dead-letter-report";
import { seedDeadLetters } from "../dlq/support";

const operationsOf = (doc: object) =>
  Object.entries((doc as { paths: Record<string, object> }).paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));

describe("the OpenAPI document covers the route table", () => {
  it("documents every method of every route file under app/api, and nothing else", async () => {
    const routes = API_ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${openApiPath(r.path)}`)).sort();
    expect(operationsOf(openApiDocument()).sort()).toEqual(routes);
  });
});

describe.each(testProviders())("every route's real answers match the OpenAPI document on %s", (provider) => {
  const app = useApp(provider);

  /** The answer's JSON body; the client already failed the test if the answer is not what the document says. */
  const call = async (client: OperatorClient, method: string, url: string, body?: unknown, headers?: Record<string, string>) => {
    const text = await (await client.json(method, url, body, headers)).text();
    return (text ? JSON.parse(text) : undefined) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it("serves the document the answers are checked against, to anyone", async () => {
    const res = await app.fetch("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(openApiDocument());
  });

  it("answers every documented operation with what the document says", async () => {
    answeredOperations.clear();
    const op = app.operator;
    const pub = httpClient(app.url);

    // Public and auth routes.
    await call(pub, "GET", "/api/openapi.json");
    await call(pub, "GET", "/api/health");
    await call(pub, "GET", "/api/ping");
    await call(pub, "POST", "/api/ping", { any: "thing" });
    await call(op, "GET", "/api/auth/session");
    await call(pub, "GET", "/api/auth/session");
    await call(pub, "POST", "/api/auth/setup", { email: "second@hookrelay.test", password: "a long enough password" });
    await call(pub, "POST", "/api/auth/sign-in", { email: "nobody@hookrelay.test", password: "wrong" });
    await call(pub, "POST", "/api/auth/sign-in", TEST_OPERATOR);
    const other = await signIn(app.url);
    await other.json("POST", "/api/auth/sign-out");

    // Tokens and the audit trail.
    const token = await call(op, "POST", "/api/tokens", { name: "contract test" });
    await call(op, "GET", "/api/tokens");
    await call(op, "DELETE", `/api/tokens/${token.id}`);
    await call(op, "POST", "/api/tokens", { name: "" });

    // Policies and endpoints.
    const policy = await call(op, "POST", "/api/policies", { name: "contract", maxAttempts: 3 });
    await call(op, "GET", "/api/policies");
    await call(op, "GET", `/api/policies/${policy.id}`);
    await call(op, "PATCH", `/api/policies/${policy.id}`, { maxAttempts: 4 });
    await call(op, "GET", "/api/policies/nope");
    const endpoint = await call(op, "POST", "/api/endpoints", { url: "http://127.0.0.1:9/hook", eventTypes: ["contract.test"], policyId: policy.id });
    await call(op, "POST", "/api/endpoints", {});
    await call(op, "GET", "/api/endpoints");
    await call(op, "GET", `/api/endpoints/${endpoint.id}`);
    await call(op, "PATCH", `/api/endpoints/${endpoint.id}`, { description: "contract" });
    await call(op, "POST", `/api/endpoints/${endpoint.id}/rotate-secret`);
    await call(op, "POST", `/api/endpoints/${endpoint.id}/test`, undefined, { "Idempotency-Key": "contract-test-event" });
    await call(op, "GET", `/api/endpoints/${endpoint.id}/series`);
    await call(op, "POST", `/api/endpoints/${endpoint.id}/held`, { action: "discard" });
    await call(op, "POST", `/api/endpoints/${endpoint.id}/held`, { action: "later" });

    // Operators.
    const colleague = await call(op, "POST", "/api/operators", { email: "colleague@hookrelay.test", password: "a long enough password" });
    await call(op, "GET", "/api/operators");
    await call(op, "DELETE", `/api/operators/${colleague.id}`);
    await call(op, "POST", "/api/account/password", { currentPassword: "not the password", newPassword: "a long enough password" });
    await call(op, "POST", "/api/account/password", { currentPassword: TEST_OPERATOR.password, newPassword: "a long enough password" });
    await call(op, "POST", "/api/account/password", { currentPassword: "a long enough password", newPassword: TEST_OPERATOR.password });

    // Messages and deliveries.
    const message = await call(op, "POST", "/api/messages", { eventType: "contract.test", payload: { n: 1 } }, { "Idempotency-Key": "contract-1" });
    await call(op, "POST", "/api/messages", { eventType: "contract.test", payload: { n: 1 } }, { "Idempotency-Key": "contract-1" });
    await call(op, "GET", `/api/messages/${message.id}`);
    await call(op, "GET", "/api/deliveries?limit=1");
    const deliveryId = message.deliveries[0].id as string;
    await call(op, "GET", `/api/deliveries/${deliveryId}`);
    await call(op, "POST", `/api/deliveries/${deliveryId}/replay`);
    await call(op, "GET", "/api/deliveries?status=nope");

    // Dead letters.
    const row = await app.db.prisma.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    const letters = await seedDeadLetters(app.db, { ...row, eventType: "contract.test" }, 4);
    await call(op, "GET", "/api/dlq?limit=2");
    await call(op, "GET", "/api/dlq/stats?byEndpoint=true");
    await call(op, "GET", `/api/dlq/${letters[0].id}`);
    await call(op, "POST", `/api/dlq/${letters[0].id}/reprocess`);
    await call(op, "POST", `/api/dlq/${letters[1].id}/discard`);
    await call(op, "POST", "/api/dlq/reprocess", { ids: [letters[2].id], dryRun: true });
    const job = await call(op, "POST", "/api/dlq/reprocess", { ids: [letters[2].id], ratePerSecond: 0.1 });
    await call(op, "GET", `/api/dlq/reprocess/${job.job.id}`);
    await call(op, "POST", `/api/dlq/reprocess/${job.job.id}/cancel`);
    await call(op, "POST", "/api/dlq/discard", { ids: [letters[3].id], dryRun: true });
    await call(op, "POST", "/api/dlq/discard", { ids: [letters[3].id] });

    // Inbound: webhooks, events, sources.
    await app.postWebhook({ type: "contract.test", id: "evt_contract_1" });
    const events = await call(op, "GET", "/api/inbound?limit=5");
    await call(op, "GET", `/api/inbound/${events.data[0].id}`);
    const source = await call(op, "POST", "/api/sources", { name: "contract-src", provider: "standard_webhooks" });
    await call(op, "GET", "/api/sources");
    await call(op, "GET", `/api/sources/${source.id}`);
    await call(op, "PATCH", `/api/sources/${source.id}`, { description: "contract" });
    await call(op, "POST", `/api/sources/${source.id}/rotate-secret`);
    // Unsigned, so refused (401): the refusal is what the refusals list shows next.
    await app.postWebhook({ type: "contract.test", id: "evt_contract_2" }, {}, "contract-src");
    await app.postWebhook({ type: "contract.test", id: "evt_contract_3" }, {}, "default");
    await call(op, "GET", `/api/sources/${source.id}/refusals`);
    await op.fetch(`/api/sources/${source.id}`, { method: "DELETE" });

    // Simulator.
    const policyInput = { maxAttempts: 3, initialDelayMs: 1000, jitterMode: "none" };
    await call(op, "POST", "/api/simulate", { policy: policyInput, failureRate: 0.5, timeoutRate: 0, deliveries: 50 });
    await call(op, "POST", "/api/simulate", { policy: policyInput, failureRate: 2, timeoutRate: 0 });
    await call(op, "POST", "/api/simulate/compare", { failureRate: 0.5, timeoutRate: 0, deliveries: 50, policies: [{ label: "a", policy: policyInput }] });
    const now = Date.now();
    await call(op, "POST", "/api/simulate/backtest", {
      endpointId: endpoint.id,
      since: new Date(now - 3_600_000).toISOString(),
      until: new Date(now + 60_000).toISOString(),
      policy: policyInput,
    });

    // Operations.
    await call(op, "GET", "/api/overview?window=1h");
    await op.fetch("/api/metrics");
    await call(op, "POST", "/api/cleanup");
    await call(op, "GET", "/api/audit?limit=5");
    await call(op, "GET", `/api/search?q=${encodeURIComponent("evt_contract_1")}`);
    await call(op, "GET", "/api/search?q=contract.*");
    await call(op, "GET", "/api/search?q=");

    // Deletes last: the records above needed them.
    await call(op, "DELETE", `/api/endpoints/${endpoint.id}`);
    await call(op, "DELETE", `/api/policies/${policy.id}`);

    // Setup can only refuse here: the test server creates its operator at start-up.
    expect(operationsOf(openApiDocument()).filter((o) => !answeredOperations.has(o))).toEqual(["POST /api/auth/setup"]);
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
