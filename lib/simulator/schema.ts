import { z } from "zod";
import { retryPolicySchema } from "@/lib/retry";

const DAY_MS = 86_400_000;

/** Bounds the API route can state; they keep one request's work to well under a second per policy. */
export const SIMULATION_LIMITS = {
  maxDeliveries: 200_000,
  defaultDeliveries: 1000,
  maxResponseTimeMs: 60_000,
  defaultResponseTimeMs: 100,
  maxArrivalWindowMs: DAY_MS,
  maxOutages: 20,
  /** Outage windows are placed on the virtual clock, 0 = start of the arrival window. */
  maxOutageTimeMs: 30 * DAY_MS,
  maxSeed: 4_294_967_295,
  defaultSeed: 1,
  minComparedPolicies: 1,
  maxComparedPolicies: 6,
  maxLabelLength: 60,
  /**
   * deliveries × maxAttempts (summed over compared policies): the worst case of attempts a
   * request can simulate. This bounds the time a simulation thread spends on one request
   * (5 million attempts: about half a second).
   */
  maxAttemptBudget: 5_000_000,
} as const;

export const BACKTEST_LIMITS = {
  maxRecordedAttempts: 200_000,
  maxDeliveries: 50_000,
} as const;

const S = SIMULATION_LIMITS;

/** One message per field, whatever is wrong with it: shown inline in the simulator form. */
function wholeNumber(message: string, min: number, max: number): z.ZodNumber {
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

function fraction(message: string): z.ZodNumber {
  return z.number({ error: message }).min(0, { error: message }).max(1, { error: message });
}

export const outageSchema = z
  .object({
    startMs: wholeNumber("Outage start must be a whole number of milliseconds from 0 to 30 days", 0, S.maxOutageTimeMs),
    endMs: wholeNumber("Outage end must be a whole number of milliseconds from 0 to 30 days", 0, S.maxOutageTimeMs),
  })
  .refine((o) => o.endMs > o.startMs, {
    path: ["endMs"],
    error: "An outage must end after it starts",
    when: (payload) => payload.issues.length === 0,
  });

export type Outage = z.output<typeof outageSchema>;

/** Everything that describes the endpoint and the traffic, as opposed to the policy under test. */
const scenarioShape = {
  failureRate: fraction("Failure rate must be a fraction from 0 to 1"),
  timeoutRate: fraction("Timeout rate must be a fraction from 0 to 1"),
  responseTimeMs: wholeNumber(
    "Response time must be a whole number of milliseconds from 0 to 60,000",
    0,
    S.maxResponseTimeMs,
  ).default(S.defaultResponseTimeMs),
  deliveries: wholeNumber("Deliveries must be a whole number from 1 to 200,000", 1, S.maxDeliveries).default(
    S.defaultDeliveries,
  ),
  seed: wholeNumber("Seed must be a whole number from 0 to 4,294,967,295", 0, S.maxSeed).default(S.defaultSeed),
  arrivalWindowMs: wholeNumber(
    "Arrival window must be a whole number of milliseconds from 0 to 86,400,000 (24 hours)",
    0,
    S.maxArrivalWindowMs,
  ).default(0),
  outages: z
    .array(outageSchema, { error: "Outages must be a list of windows" })
    .max(S.maxOutages, { error: `At most ${S.maxOutages} outage windows` })
    .default([]),
};

const RATES_MESSAGE = "Failure rate and timeout rate together cannot exceed 1";

function ratesFit(s: { failureRate: number; timeoutRate: number }): boolean {
  // A small allowance so 0.7 + 0.3 (= 1.0000000000000002 in floating point) is accepted.
  return s.failureRate + s.timeoutRate <= 1 + 1e-9;
}

/** A body that is no object at all (false, null, a string, a list) has no fields for the refinements to read. */
function isObject(payload: z.core.ParsePayload): boolean {
  return typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value);
}

function ratesValid(payload: z.core.ParsePayload): boolean {
  return isObject(payload) && !payload.issues.some((issue) => issue.path?.[0] === "failureRate" || issue.path?.[0] === "timeoutRate");
}

const BUDGET_MESSAGE =
  "Deliveries × max attempts must stay within 5,000,000 (summed over compared policies): lower the deliveries or the max attempts";

function noIssues(payload: z.core.ParsePayload): boolean {
  return payload.issues.length === 0;
}

export const simulationInputSchema = z
  .object({ policy: retryPolicySchema, ...scenarioShape })
  .refine(ratesFit, { path: ["timeoutRate"], error: RATES_MESSAGE, when: ratesValid })
  .refine((s) => s.deliveries * s.policy.maxAttempts <= S.maxAttemptBudget, {
    path: ["deliveries"],
    error: BUDGET_MESSAGE,
    when: noIssues,
  });

export type SimulationInput = z.output<typeof simulationInputSchema>;
export type SimulationInputRaw = z.input<typeof simulationInputSchema>;

export const comparedPolicySchema = z.object({
  label: z
    .string({ error: "Label must be text" })
    .trim()
    .min(1, { error: "Label is required" })
    .max(S.maxLabelLength, { error: `Label must be at most ${S.maxLabelLength} characters` }),
  policy: retryPolicySchema,
});

export const compareInputSchema = z
  .object({
    ...scenarioShape,
    policies: z
      .array(comparedPolicySchema, { error: "Policies must be a list" })
      .min(S.minComparedPolicies, { error: "Add at least one policy to compare" })
      .max(S.maxComparedPolicies, { error: `Compare at most ${S.maxComparedPolicies} policies at once` }),
  })
  .refine(ratesFit, { path: ["timeoutRate"], error: RATES_MESSAGE, when: ratesValid })
  // Labels name the series in the side-by-side charts, so two equal labels would merge lines.
  .refine((c) => new Set(c.policies.map((p) => p.label)).size === c.policies.length, {
    path: ["policies"],
    error: "Each policy needs a different label",
    when: (payload) => isObject(payload) && !payload.issues.some((issue) => issue.path?.[0] === "policies"),
  })
  .refine((c) => c.deliveries * c.policies.reduce((sum, p) => sum + p.policy.maxAttempts, 0) <= S.maxAttemptBudget, {
    path: ["deliveries"],
    error: BUDGET_MESSAGE,
    when: noIssues,
  });

export type CompareInput = z.output<typeof compareInputSchema>;
export type CompareInputRaw = z.input<typeof compareInputSchema>;

/** Epoch milliseconds; a Date (as Prisma returns it) is accepted and converted. */
const epochMs = z.union([z.number().int(), z.date().transform((d) => d.getTime())], {
  error: "Expected a time as epoch milliseconds or a Date",
});

export const BACKTEST_FINAL_STATUSES = ["delivered", "dead", "pending"] as const;
export type BacktestFinalStatus = (typeof BACKTEST_FINAL_STATUSES)[number];

export const recordedAttemptSchema = z.object({
  deliveryId: z.string().min(1),
  attemptNumber: z.number().int().min(1),
  startedAt: epochMs,
  ok: z.boolean(),
  statusCode: z.number().int().min(100).max(599).nullish(),
  /** An error kind ("timeout", "connection", ...) or a message; unknown text counts as "other". */
  error: z.string().nullish(),
  /** How long the attempt took; when known, the candidate's attempts inherit it. */
  durationMs: z.number().int().min(0).nullish(),
});

export type RecordedAttempt = z.output<typeof recordedAttemptSchema>;

export const recordedDeliverySchema = z.object({
  deliveryId: z.string().min(1),
  createdAt: epochMs,
  finalStatus: z.enum(BACKTEST_FINAL_STATUSES),
});

export type RecordedDelivery = z.output<typeof recordedDeliverySchema>;

export const backtestInputSchema = z.object({
  /** The candidate policy to replay the history under. */
  policy: retryPolicySchema,
  attempts: z
    .array(recordedAttemptSchema)
    .min(1, { error: "Backtesting needs at least one recorded attempt" })
    .max(BACKTEST_LIMITS.maxRecordedAttempts, {
      error: `Backtesting reads at most ${BACKTEST_LIMITS.maxRecordedAttempts} recorded attempts`,
    }),
  deliveries: z
    .array(recordedDeliverySchema)
    .min(1, { error: "Backtesting needs at least one delivery" })
    .max(BACKTEST_LIMITS.maxDeliveries, {
      error: `Backtesting replays at most ${BACKTEST_LIMITS.maxDeliveries} deliveries`,
    }),
  /** Seeds the candidate's jitter so a backtest is reproducible. */
  seed: wholeNumber("Seed must be a whole number from 0 to 4,294,967,295", 0, S.maxSeed).default(S.defaultSeed),
});

export type BacktestInput = z.output<typeof backtestInputSchema>;
export type BacktestInputRaw = z.input<typeof backtestInputSchema>;
