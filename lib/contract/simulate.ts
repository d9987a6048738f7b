import { z } from "zod";
import { policyInEffectSchema } from "./policies";

/**
 * The simulator's answers are large and chart-shaped; the document pins the figures a
 * program reads and leaves the series open (loose objects), so adding a series is no
 * breaking change.
 */
export const simulationResultSchema = z.looseObject({
  deliveries: z.number().int(),
  delivered: z.number().int(),
  deadLettered: z.number().int(),
  successRate: z.number(),
  meanAttempts: z.number(),
  totalAttempts: z.number().int(),
  attemptDistribution: z.array(z.looseObject({})),
  cumulativeDelivered: z.array(z.looseObject({})),
  load: z.array(z.looseObject({})),
  bucketMs: z.number(),
  horizonMs: z.number(),
  theory: z.looseObject({}),
});

/** The request as run: defaults filled in. */
const echoedInput = z.looseObject({ failureRate: z.number(), timeoutRate: z.number(), deliveries: z.number().int(), seed: z.number().int() });

export const simulationAnswerSchema = z.object({ input: echoedInput, result: simulationResultSchema });

export const comparisonAnswerSchema = z.object({
  input: echoedInput,
  results: z.array(z.object({ label: z.string(), result: simulationResultSchema })),
});

export const backtestAnswerSchema = z.object({
  endpoint: z.object({ id: z.string(), url: z.string() }),
  currentPolicy: policyInEffectSchema,
  period: z.object({ since: z.string(), until: z.string() }),
  history: z.looseObject({ deliveries: z.number().int(), attempts: z.number().int(), capped: z.boolean(), coveredFrom: z.string().nullable() }),
  summary: z.looseObject({}).nullable().describe("Null when the period holds no recorded attempt"),
  changes: z.array(z.looseObject({})),
  changesTotal: z.number().int(),
});
