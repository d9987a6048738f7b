import { describe, expect, it } from "vitest";
import { RETRY_POLICY_MESSAGES } from "@/lib/retry";
import {
  DEFAULT_FORM_VALUES,
  defaultVariant,
  nextVariant,
  simulatorFormSchema,
  toSimulatorRequest,
  type SimulatorFormValues,
} from "@/components/simulator/form-schema";
import { backtestFormSchema, defaultBacktestValues, periodEndingNow, toBacktestRequest } from "@/components/simulator/backtest-form-schema";

function withScenario(patch: Partial<SimulatorFormValues["scenario"]>): SimulatorFormValues {
  return { ...DEFAULT_FORM_VALUES, scenario: { ...DEFAULT_FORM_VALUES.scenario, ...patch } };
}

function messages(values: unknown): Record<string, string> {
  const parsed = simulatorFormSchema.safeParse(values);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("simulator form schema", () => {
  it("turns the form's percentages and minutes into the API's fractions and milliseconds", () => {
    const values = simulatorFormSchema.parse(DEFAULT_FORM_VALUES);
    expect(toSimulatorRequest(values)).toEqual({
      kind: "single",
      label: "Policy A",
      input: {
        failureRate: 0.2,
        timeoutRate: 0.05,
        responseTimeMs: 100,
        deliveries: 10_000,
        seed: 1,
        arrivalWindowMs: 3_600_000,
        outages: [{ startMs: 600_000, endMs: 1_500_000 }],
        policy: values.variants[0].policy,
      },
    });
  });

  it("sends several policies to compare, without outages when the outage is off", () => {
    const values: SimulatorFormValues = {
      scenario: { ...DEFAULT_FORM_VALUES.scenario, outage: { enabled: false, startMin: 10, endMin: 25 } },
      variants: [defaultVariant(0), defaultVariant(1)],
    };
    const request = toSimulatorRequest(values);
    expect(request.kind).toBe("compare");
    expect(request.input.outages).toEqual([]);
    expect(request.kind === "compare" && request.input.policies.map((p) => p.label)).toEqual(["Policy A", "Policy B"]);
  });

  it("shows the policy schema's own messages and its cross-field rule", () => {
    const bad = { ...DEFAULT_FORM_VALUES, variants: [{ label: "A", policy: { ...DEFAULT_FORM_VALUES.variants[0].policy, maxAttempts: 0 } }] };
    expect(messages(bad)).toEqual({ "variants.0.policy.maxAttempts": RETRY_POLICY_MESSAGES.maxAttempts });
    const below = { ...DEFAULT_FORM_VALUES, variants: [{ label: "A", policy: { ...DEFAULT_FORM_VALUES.variants[0].policy, initialDelayMs: 5000, maxDelayMs: 1000 } }] };
    expect(messages(below)).toEqual({ "variants.0.policy.maxDelayMs": RETRY_POLICY_MESSAGES.maxBelowInitial });
  });

  it("speaks percentages and minutes for the converted fields", () => {
    expect(messages(withScenario({ failureRatePct: 120, arrivalWindowMin: Number.NaN }))).toEqual({
      "scenario.failureRatePct": "Failure rate must be a percentage from 0 to 100",
      "scenario.arrivalWindowMin": "Arrival window must be a number of minutes from 0 to 1,440 (24 hours)",
    });
    expect(messages(withScenario({ failureRatePct: 70, timeoutRatePct: 40 }))).toEqual({
      "scenario.timeoutRatePct": "Failure rate and timeout rate together cannot exceed 100%",
    });
    expect(messages(withScenario({ failureRatePct: 70, timeoutRatePct: 30 }))).toEqual({});
  });

  it("pins the API's cross-field rules to the fields they concern", () => {
    const patient = (i: number) => ({ ...defaultVariant(i), policy: { ...defaultVariant(i).policy, maxAttempts: 20 } });
    expect(messages({ ...withScenario({ deliveries: 200_000 }), variants: [patient(0)] })).toEqual({});
    const overBudget = { ...withScenario({ deliveries: 200_000 }), variants: [patient(0), patient(1)] };
    expect(messages(overBudget)["scenario.deliveries"]).toMatch(/^Deliveries × max attempts must stay within 5,000,000/);
    expect(messages(withScenario({ outage: { enabled: true, startMin: 30, endMin: 10 } }))).toEqual({
      "scenario.outage.endMin": "An outage must end after it starts",
    });
    const twins = { ...DEFAULT_FORM_VALUES, variants: [defaultVariant(0), defaultVariant(1), { ...defaultVariant(2), label: "Policy A" }] };
    expect(messages(twins)).toEqual({ "variants.2.label": "Each policy needs a different label" });
  });

  it("ignores the outage fields while the outage is off only when they are valid numbers", () => {
    expect(messages(withScenario({ outage: { enabled: false, startMin: 5, endMin: 1 } }))).toEqual({});
  });
});

describe("nextVariant", () => {
  it("takes the first default name still free", () => {
    expect(nextVariant(["Policy A"]).label).toBe("Policy B");
    // After B was removed from A, B, C.
    expect(nextVariant(["Policy A", "Policy C"]).label).toBe("Policy B");
    expect(nextVariant(["patient", "Policy A"]).label).toBe("Policy B");
  });
});

describe("backtest form schema", () => {
  const now = Date.parse("2026-03-02T12:00:30Z");

  it("converts the local period to ISO instants", () => {
    const values = backtestFormSchema.parse({ ...defaultBacktestValues(now), endpointId: "ep_1" });
    const request = toBacktestRequest(values);
    expect(Date.parse(String(request.until)) - Date.parse(String(request.since))).toBe(86_400_000);
    expect(Date.parse(String(request.until))).toBe(Date.parse("2026-03-02T12:01:00Z"));
  });

  it("shows the API schema's messages on the form's fields", () => {
    const period = periodEndingNow(3_600_000, now);
    const backwards = backtestFormSchema.safeParse({ ...defaultBacktestValues(now), endpointId: "ep_1", since: period.until, until: period.since });
    expect(backwards.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["until", "The period must end after it starts"]]);
    const missing = backtestFormSchema.safeParse({ ...defaultBacktestValues(now), since: "" });
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["endpointId", "Choose an endpoint"],
      ["since", "Choose when the period starts"],
    ]);
  });
});
