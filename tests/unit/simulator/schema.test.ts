import { describe, expect, it } from "vitest";
import {
  SIMULATION_LIMITS,
  backtestInputSchema,
  compareInputSchema,
  simulationInputSchema,
} from "@/lib/simulator";
import { DEFAULT_RETRY_POLICY } from "@/lib/retry";

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

const base = { policy: {}, failureRate: 0.1, timeoutRate: 0.05 };

describe("simulationInputSchema", () => {
  it("fills defaults", () => {
    expect(simulationInputSchema.parse(base)).toEqual({
      policy: DEFAULT_RETRY_POLICY,
      failureRate: 0.1,
      timeoutRate: 0.05,
      responseTimeMs: 100,
      deliveries: 1000,
      seed: 1,
      arrivalWindowMs: 0,
      outages: [],
    });
  });

  it("requires the endpoint's failure and timeout rates", () => {
    expect(issues(simulationInputSchema.safeParse({ policy: {} }))).toEqual([
      ["failureRate", "Failure rate must be a fraction from 0 to 1"],
      ["timeoutRate", "Timeout rate must be a fraction from 0 to 1"],
    ]);
  });

  it.each([
    ["failureRate", 1.01, "Failure rate must be a fraction from 0 to 1"],
    ["timeoutRate", -0.1, "Timeout rate must be a fraction from 0 to 1"],
    ["responseTimeMs", 60_001, "Response time must be a whole number of milliseconds from 0 to 60,000"],
    ["deliveries", 0, "Deliveries must be a whole number from 1 to 200,000"],
    ["deliveries", 200_001, "Deliveries must be a whole number from 1 to 200,000"],
    ["deliveries", 10.5, "Deliveries must be a whole number from 1 to 200,000"],
    ["seed", -1, "Seed must be a whole number from 0 to 4,294,967,295"],
    ["arrivalWindowMs", 86_400_001, "Arrival window must be a whole number of milliseconds from 0 to 86,400,000 (24 hours)"],
  ])("rejects %s = %s", (field, value, message) => {
    expect(issues(simulationInputSchema.safeParse({ ...base, [field]: value }))).toEqual([[field, message]]);
  });

  it("accepts the largest run allowed", () => {
    const limits = { deliveries: SIMULATION_LIMITS.maxDeliveries, policy: { maxAttempts: 25 } };
    expect(simulationInputSchema.safeParse({ ...base, ...limits }).success).toBe(true);
  });

  it("rejects rates that add up to more than 1, but not 0.7 + 0.3", () => {
    expect(issues(simulationInputSchema.safeParse({ ...base, failureRate: 0.7, timeoutRate: 0.31 }))).toEqual([
      ["timeoutRate", "Failure rate and timeout rate together cannot exceed 1"],
    ]);
    expect(simulationInputSchema.safeParse({ ...base, failureRate: 0.7, timeoutRate: 0.3 }).success).toBe(true);
  });

  it("bounds the work of one run (deliveries × max attempts)", () => {
    const result = simulationInputSchema.safeParse({ ...base, deliveries: 200_000, policy: { maxAttempts: 26 } });
    expect(issues(result)).toEqual([
      [
        "deliveries",
        "Deliveries × max attempts must stay within 5,000,000 (summed over compared policies): lower the deliveries or the max attempts",
      ],
    ]);
  });

  it("checks outage windows", () => {
    const windows = (n: number) => Array.from({ length: n }, (_, i) => ({ startMs: i * 10, endMs: i * 10 + 5 }));
    expect(simulationInputSchema.safeParse({ ...base, outages: windows(20) }).success).toBe(true);
    expect(issues(simulationInputSchema.safeParse({ ...base, outages: windows(21) }))).toEqual([
      ["outages", "At most 20 outage windows"],
    ]);
    expect(issues(simulationInputSchema.safeParse({ ...base, outages: [{ startMs: 500, endMs: 500 }] }))).toEqual([
      ["outages.0.endMs", "An outage must end after it starts"],
    ]);
    expect(issues(simulationInputSchema.safeParse({ ...base, outages: [{ startMs: -1, endMs: 5 }] }))).toEqual([
      ["outages.0.startMs", "Outage start must be a whole number of milliseconds from 0 to 30 days"],
    ]);
  });

  it("reports the policy's own messages on nested paths, alongside other fields' errors", () => {
    const result = simulationInputSchema.safeParse({
      ...base,
      deliveries: 0,
      policy: { maxAttempts: 0, initialDelayMs: 10_000, maxDelayMs: 5000 },
    });
    expect(issues(result)).toEqual([
      ["policy.maxAttempts", "Max attempts must be a whole number from 1 to 100"],
      ["deliveries", "Deliveries must be a whole number from 1 to 200,000"],
    ]);
    const crossField = simulationInputSchema.safeParse({
      ...base,
      deliveries: 0,
      policy: { initialDelayMs: 10_000, maxDelayMs: 5000 },
    });
    expect(issues(crossField)).toEqual([
      ["policy.maxDelayMs", "Maximum delay must be at least the initial delay"],
      ["deliveries", "Deliveries must be a whole number from 1 to 200,000"],
    ]);
  });
});

describe("compareInputSchema", () => {
  it.each([false, null, 3, "text", [[1]]])("refuses %j as a body without throwing", (body) => {
    expect(compareInputSchema.safeParse(body).success).toBe(false);
  });

  const scenario = { failureRate: 0.2, timeoutRate: 0 };
  const entry = (label: string, maxAttempts = 5) => ({ label, policy: { maxAttempts } });

  it("accepts 1 to 6 labelled policies and trims labels", () => {
    const parsed = compareInputSchema.parse({ ...scenario, policies: [entry("  fast  ")] });
    expect(parsed.policies[0].label).toBe("fast");
    expect(parsed.policies[0].policy).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 5 });
    const six = Array.from({ length: 6 }, (_, i) => entry(`p${i}`));
    expect(compareInputSchema.safeParse({ ...scenario, policies: six }).success).toBe(true);
  });

  it("rejects no policies, more than 6, blank, long and repeated labels", () => {
    expect(issues(compareInputSchema.safeParse({ ...scenario, policies: [] }))).toEqual([
      ["policies", "Add at least one policy to compare"],
    ]);
    const seven = Array.from({ length: 7 }, (_, i) => entry(`p${i}`));
    expect(issues(compareInputSchema.safeParse({ ...scenario, policies: seven }))).toEqual([
      ["policies", "Compare at most 6 policies at once"],
    ]);
    expect(issues(compareInputSchema.safeParse({ ...scenario, policies: [entry("   ")] }))).toEqual([
      ["policies.0.label", "Label is required"],
    ]);
    expect(issues(compareInputSchema.safeParse({ ...scenario, policies: [entry("x".repeat(61))] }))).toEqual([
      ["policies.0.label", "Label must be at most 60 characters"],
    ]);
    expect(issues(compareInputSchema.safeParse({ ...scenario, policies: [entry("a"), entry("a ")] }))).toEqual([
      ["policies", "Each policy needs a different label"],
    ]);
  });

  it("sums the work budget over the compared policies", () => {
    const input = { ...scenario, deliveries: 200_000, policies: [entry("a", 20), entry("b", 6)] };
    expect(issues(compareInputSchema.safeParse(input))).toEqual([
      [
        "deliveries",
        "Deliveries × max attempts must stay within 5,000,000 (summed over compared policies): lower the deliveries or the max attempts",
      ],
    ]);
  });

  it("has no policy field of its own", () => {
    expect("policy" in compareInputSchema.shape).toBe(false);
  });
});

describe("backtestInputSchema", () => {
  const attempt = { deliveryId: "d1", attemptNumber: 1, startedAt: 1_000, ok: true };
  const delivery = { deliveryId: "d1", createdAt: 1_000, finalStatus: "delivered" };

  it("accepts epoch milliseconds or Dates and fills the seed", () => {
    const parsed = backtestInputSchema.parse({
      policy: {},
      attempts: [{ ...attempt, startedAt: new Date(5_000), statusCode: 200, error: null, durationMs: 12 }],
      deliveries: [{ ...delivery, createdAt: new Date(4_000) }],
    });
    expect(parsed.attempts[0].startedAt).toBe(5_000);
    expect(parsed.deliveries[0].createdAt).toBe(4_000);
    expect(parsed.seed).toBe(1);
  });

  it("needs at least one attempt and one delivery, with known final statuses", () => {
    expect(issues(backtestInputSchema.safeParse({ policy: {}, attempts: [], deliveries: [delivery] }))).toEqual([
      ["attempts", "Backtesting needs at least one recorded attempt"],
    ]);
    expect(issues(backtestInputSchema.safeParse({ policy: {}, attempts: [attempt], deliveries: [] }))).toEqual([
      ["deliveries", "Backtesting needs at least one delivery"],
    ]);
    const bad = backtestInputSchema.safeParse({
      policy: {},
      attempts: [attempt],
      deliveries: [{ ...delivery, finalStatus: "lost" }],
    });
    expect(bad.success).toBe(false);
  });
});
