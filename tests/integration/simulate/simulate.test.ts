import { describe, expect, it } from "vitest";
import { DEFAULT_JSON_BODY_BYTES } from "@/lib/http/handler";
import type { ComparisonEntry, SimulationInput, SimulationResult } from "@/lib/simulator";
import { useApp } from "../../support/app-server";

// The simulations run on the built app's simulation threads.
const app = useApp("sqlite");
const simulatePost = "/api/simulate";
const comparePost = "/api/simulate/compare";

function post(path: string, body: unknown): Promise<Response> {
  return app.operator.json("POST", path, body);
}

interface ErrorJson {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

const scenario = { failureRate: 0.3, timeoutRate: 0.05, deliveries: 2000, seed: 7, arrivalWindowMs: 600_000 };

describe("POST /api/simulate", () => {
  it("simulates a policy and echoes the input with defaults filled in", async () => {
    const res = await post(simulatePost, { ...scenario, policy: { maxAttempts: 4 } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { input: SimulationInput; result: SimulationResult };
    expect(body.input).toMatchObject({ responseTimeMs: 100, outages: [], policy: { maxAttempts: 4, initialDelayMs: 1000, jitterMode: "proportional" } });
    expect(body.result.deliveries).toBe(2000);
    expect(body.result.delivered + body.result.deadLettered).toBe(2000);
    expect(body.result.attemptDistribution).toHaveLength(4);
    expect(body.result.theory.successWithinMaxAttempts).toBeCloseTo(1 - 0.35 ** 4, 10);
    expect(body.result.cumulativeDelivered.length).toBeGreaterThan(10);
    expect(body.result.load.length).toBeGreaterThan(0);
  });

  it("is deterministic: the same request gives the same bytes", async () => {
    const request = { ...scenario, policy: { maxAttempts: 6, jitterMode: "full" }, outages: [{ startMs: 60_000, endMs: 180_000 }] };
    const a = await (await post(simulatePost, request)).text();
    const b = await (await post(simulatePost, request)).text();
    expect(a).toBe(b);
    const other = await (await post(simulatePost, { ...request, seed: 8 })).text();
    expect(other).not.toBe(a);
  });

  it("answers 400 with the limit in the message when deliveries are over the bound", async () => {
    const res = await post(simulatePost, { ...scenario, deliveries: 1_000_000, policy: {} });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toBe("Deliveries must be a whole number from 1 to 200,000");
    expect(body.error.details).toEqual([{ path: "deliveries", message: "Deliveries must be a whole number from 1 to 200,000" }]);
  });

  it("answers 400 when deliveries × attempts exceed the work budget", async () => {
    const res = await post(simulatePost, { ...scenario, deliveries: 200_000, policy: { maxAttempts: 30 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.message).toMatch(/Deliveries × max attempts must stay within 5,000,000/);
    expect(body.error.details?.[0].path).toBe("deliveries");
  });

  it("names every problem in details and counts the others in the message", async () => {
    const res = await post(simulatePost, { failureRate: 2, timeoutRate: -1, policy: { maxAttempts: 0 } });
    const body = (await res.json()) as ErrorJson;
    expect(res.status).toBe(400);
    expect(body.error.message).toMatch(/\(and 2 more: see details\)$/);
    expect(body.error.details?.map((d) => d.path).sort()).toEqual(["failureRate", "policy.maxAttempts", "timeoutRate"]);
  });

  it("refuses bad JSON, an empty body and a body over the size cap", async () => {
    expect((await post(simulatePost, "{nope")).status).toBe(400);
    expect(((await (await post(simulatePost, "")).json()) as ErrorJson).error.code).toBe("invalid_json");
    const huge = JSON.stringify({ ...scenario, policy: {}, padding: "x".repeat(DEFAULT_JSON_BODY_BYTES) });
    const res = await post(simulatePost, huge);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorJson).error.code).toBe("payload_too_large");
  });
});

describe("POST /api/simulate/compare", () => {
  const policies = [
    { label: "Quick", policy: { maxAttempts: 3, initialDelayMs: 500, jitterMode: "none" } },
    { label: "Patient", policy: { maxAttempts: 8, initialDelayMs: 2000, jitterMode: "none" } },
  ];

  it("runs every policy on the same failures and shares the time axes", async () => {
    const res = await post(comparePost, { ...scenario, policies });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: ComparisonEntry[] };
    expect(results.map((r) => r.label)).toEqual(["Quick", "Patient"]);
    const [quick, patient] = results.map((r) => r.result);
    expect(quick.bucketMs).toBe(patient.bucketMs);
    expect(quick.cumulativeDelivered.map((p) => p.tMs)).toEqual(patient.cumulativeDelivered.map((p) => p.tMs));
    // Common random numbers: whatever the first 3 attempts deliver, the longer policy delivers too.
    expect(patient.delivered).toBeGreaterThanOrEqual(quick.delivered);
  });

  it("matches the single-policy run for the same seed", async () => {
    const single = (await (await post(simulatePost, { ...scenario, policy: policies[0].policy })).json()) as { result: SimulationResult };
    const compared = (await (await post(comparePost, { ...scenario, policies })).json()) as { results: ComparisonEntry[] };
    expect(compared.results[0].result.delivered).toBe(single.result.delivered);
    expect(compared.results[0].result.attemptDistribution).toEqual(single.result.attemptDistribution);
  });

  it("answers 400 for duplicate labels and for too many policies", async () => {
    const dup = await post(comparePost, { ...scenario, policies: [policies[0], { ...policies[1], label: "Quick" }] });
    expect(dup.status).toBe(400);
    expect(((await dup.json()) as ErrorJson).error.message).toBe("Each policy needs a different label");
    const many = Array.from({ length: 7 }, (_, i) => ({ label: `P${i}`, policy: {} }));
    const tooMany = await post(comparePost, { ...scenario, policies: many });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as ErrorJson).error.message).toBe("Compare at most 6 policies at once");
  });
});
