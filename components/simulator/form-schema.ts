import { z } from "zod";
import { DEFAULT_RETRY_POLICY, retryPolicySchema, type RetryPolicy } from "@/lib/retry";
import {
  SIMULATION_LIMITS,
  comparedPolicySchema,
  compareInputSchema,
  simulationInputSchema,
  type SimulationInputRaw,
} from "@/lib/simulator";
import type { SimulatorRequest } from "@/components/api/simulator-hooks";

/*
 * The simulator form speaks the operator's units (percentages, minutes) where the API speaks
 * fractions and milliseconds. Fields in the API's units reuse its schemas as they are; the
 * converted ones get messages in the form's units. Rules spanning fields (the work budget,
 * an outage ending after it starts, distinct labels) are checked by running the API schema
 * on the converted request and pinning its messages to the form fields they concern, so the
 * form and the API can never disagree.
 */

export const MAX_VARIANTS = 4;
const MINUTES_PER_DAY = 1440;
const MAX_OUTAGE_MINUTES = SIMULATION_LIMITS.maxOutageTimeMs / 60_000;

function percent(name: string): z.ZodNumber {
  const message = `${name} must be a percentage from 0 to 100`;
  return z.number({ error: message }).min(0, { error: message }).max(100, { error: message });
}

function minutes(message: string, max: number): z.ZodNumber {
  return z.number({ error: message }).min(0, { error: message }).max(max, { error: message });
}

const scenario = simulationInputSchema.shape;

export const scenarioFormSchema = z.object({
  failureRatePct: percent("Failure rate"),
  timeoutRatePct: percent("Timeout rate"),
  responseTimeMs: scenario.responseTimeMs.unwrap(),
  deliveries: scenario.deliveries.unwrap(),
  seed: scenario.seed.unwrap(),
  arrivalWindowMin: minutes("Arrival window must be a number of minutes from 0 to 1,440 (24 hours)", MINUTES_PER_DAY),
  outage: z.object({
    enabled: z.boolean(),
    startMin: minutes("Outage start must be a number of minutes from 0 to 43,200 (30 days)", MAX_OUTAGE_MINUTES),
    endMin: minutes("Outage end must be a number of minutes from 0 to 43,200 (30 days)", MAX_OUTAGE_MINUTES),
  }),
});

export const variantFormSchema = z.object({ label: comparedPolicySchema.shape.label, policy: retryPolicySchema });

const RATES_MESSAGE = "Failure rate and timeout rate together cannot exceed 100%";

export const simulatorFormSchema = z
  .object({
    scenario: scenarioFormSchema,
    variants: z.array(variantFormSchema).min(1).max(MAX_VARIANTS, { error: `Compare at most ${MAX_VARIANTS} policies` }),
  })
  .check((payload) => {
    if (payload.issues.length > 0) return;
    const { scenario: s } = payload.value;
    if (s.failureRatePct + s.timeoutRatePct > 100 + 1e-9) {
      payload.issues.push({ code: "custom", path: ["scenario", "timeoutRatePct"], message: RATES_MESSAGE, input: s.timeoutRatePct });
      return;
    }
    const request = toSimulatorRequest(payload.value);
    const parsed =
      request.kind === "single" ? simulationInputSchema.safeParse(request.input) : compareInputSchema.safeParse(request.input);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      payload.issues.push({ code: "custom", path: formPathOf(issue.path, payload.value), message: issue.message, input: undefined });
    }
  });

export type SimulatorFormInput = z.input<typeof simulatorFormSchema>;
export type SimulatorFormValues = z.output<typeof simulatorFormSchema>;
export type ScenarioFormValues = SimulatorFormValues["scenario"];
export type VariantFormValues = SimulatorFormValues["variants"][number];

function scenarioRequest(s: ScenarioFormValues): Omit<SimulationInputRaw, "policy"> {
  return {
    failureRate: s.failureRatePct / 100,
    timeoutRate: s.timeoutRatePct / 100,
    responseTimeMs: s.responseTimeMs,
    deliveries: s.deliveries,
    seed: s.seed,
    arrivalWindowMs: Math.round(s.arrivalWindowMin * 60_000),
    outages: s.outage.enabled
      ? [{ startMs: Math.round(s.outage.startMin * 60_000), endMs: Math.round(s.outage.endMin * 60_000) }]
      : [],
  };
}

export function toSimulatorRequest(values: SimulatorFormValues): SimulatorRequest {
  const base = scenarioRequest(values.scenario);
  if (values.variants.length === 1) {
    const [only] = values.variants;
    return { kind: "single", label: only.label, input: { ...base, policy: only.policy } };
  }
  return { kind: "compare", input: { ...base, policies: values.variants.map(({ label, policy }) => ({ label, policy })) } };
}

type Path = readonly PropertyKey[];

const SCENARIO_FIELDS: Record<string, string> = {
  failureRate: "failureRatePct",
  timeoutRate: "timeoutRatePct",
  responseTimeMs: "responseTimeMs",
  deliveries: "deliveries",
  seed: "seed",
  arrivalWindowMs: "arrivalWindowMin",
};

/** Where an API issue belongs in the form; unknown paths go to the form's root error. */
export function formPathOf(apiPath: Path, values: SimulatorFormValues): PropertyKey[] {
  const [head, index, ...rest] = apiPath;
  if (typeof head === "string" && head in SCENARIO_FIELDS) return ["scenario", SCENARIO_FIELDS[head]];
  if (head === "policy") return ["variants", 0, "policy", ...(index === undefined ? [] : [index]), ...rest];
  if (head === "outages") return ["scenario", "outage", rest[0] === "startMs" ? "startMin" : "endMin"];
  if (head === "policies" && typeof index === "number") return ["variants", index, ...rest];
  // "Each policy needs a different label": shown under the first label that repeats one before it.
  if (head === "policies") {
    const labels = values.variants.map((v) => v.label.trim());
    const repeat = labels.findIndex((label, i) => labels.indexOf(label) !== i);
    return repeat >= 0 ? ["variants", repeat, "label"] : ["root"];
  }
  return ["root"];
}

export const DEFAULT_SCENARIO: ScenarioFormValues = {
  failureRatePct: 20,
  timeoutRatePct: 5,
  responseTimeMs: SIMULATION_LIMITS.defaultResponseTimeMs,
  deliveries: 10_000,
  seed: SIMULATION_LIMITS.defaultSeed,
  arrivalWindowMin: 60,
  outage: { enabled: true, startMin: 10, endMin: 25 },
};

export const VARIANT_LETTERS = ["A", "B", "C", "D"] as const;

export function defaultVariant(index: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): VariantFormValues {
  return { label: `Policy ${VARIANT_LETTERS[index] ?? index + 1}`, policy: { ...policy } };
}

/** A new compared policy, named with the first letter no other policy's default name uses. */
export function nextVariant(labels: readonly string[]): VariantFormValues {
  const taken = new Set(labels.map((label) => label.trim()));
  let index = 0;
  while (taken.has(defaultVariant(index).label)) index++;
  return defaultVariant(index);
}

export const DEFAULT_FORM_VALUES: SimulatorFormValues = { scenario: DEFAULT_SCENARIO, variants: [defaultVariant(0)] };
