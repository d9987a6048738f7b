import { z } from "zod";
import { DEAD_LETTER_KINDS, DEAD_LETTER_STATUSES } from "../dlq/dead-letter-view";
import { FAILURE_REASONS } from "../retry/classify";
import { pageOf, timestamp } from "./common";

export const deadLetterSchema = z.object({
  id: z.string(),
  kind: z.enum(DEAD_LETTER_KINDS),
  status: z.enum(DEAD_LETTER_STATUSES),
  reason: z.string(),
  errorDetails: z.string().nullable(),
  attempts: z.number().int(),
  failedAt: timestamp,
  url: z.string().nullable(),
  eventType: z.string().nullable(),
  payload: z.string(),
  endpointId: z.string().nullable(),
  deliveryId: z.string().nullable(),
  inboundEventId: z.string().nullable(),
  lastDeliveryId: z.string().nullable(),
  reprocessCount: z.number().int(),
  reprocessedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const historySchema = {
  deliveries: z.array(
    z.object({
      id: z.string(),
      role: z.enum(["original", "reprocess"]),
      status: z.string(),
      attemptCount: z.number().int(),
      createdAt: timestamp,
      completedAt: timestamp.nullable(),
    }),
  ),
  history: z.array(
    z.object({
      deliveryId: z.string(),
      number: z.number().int(),
      startedAt: timestamp,
      durationMs: z.number().int(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      outcome: z.string(),
      delayMs: z.number().int().nullable(),
      responseBody: z.string().nullable().optional().describe("Only in a single letter's detail"),
    }),
  ),
};

export const deadLetterDetailSchema = deadLetterSchema.extend({
  ...historySchema,
  endpoint: z.object({ id: z.string(), url: z.string(), enabled: z.boolean(), disabledReason: z.string().nullable() }).nullable(),
  inboundEvent: z.object({ id: z.string(), source: z.string(), idempotencyKey: z.string(), status: z.string(), receivedAt: timestamp }).nullable(),
});

export const deadLetterPageSchema = pageOf(deadLetterSchema.extend(historySchema));

const statusCounts = Object.fromEntries(DEAD_LETTER_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof DEAD_LETTER_STATUSES)[number], z.ZodNumber>;

export const dlqStatsSchema = z.object({
  since: timestamp.nullable(),
  until: timestamp.nullable(),
  endpointId: z.string().nullable(),
  totals: z.object({ total: z.number().int(), ...statusCounts }),
  byReason: z.array(z.object({ reason: z.enum(FAILURE_REASONS), total: z.number().int(), pending: z.number().int() })),
  byEndpoint: z
    .array(z.object({ endpointId: z.string(), url: z.string(), enabled: z.boolean(), total: z.number().int(), pending: z.number().int() }))
    .optional()
    .describe("Only with byEndpoint=true"),
});

export const bulkJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  ratePerSecond: z.number().nullable(),
  selection: z.record(z.string(), z.unknown()),
  total: z.number().int(),
  processed: z.number().int(),
  queued: z.number().int(),
  inFlight: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});

const disabledEndpoint = z.object({ id: z.string(), url: z.string(), disabledReason: z.string().nullable() });

export const reprocessJobResultSchema = z.discriminatedUnion("dryRun", [
  z.object({ dryRun: z.literal(true), matched: z.number().int(), disabledEndpoints: z.array(disabledEndpoint) }),
  z.object({ dryRun: z.literal(false), job: bulkJobSchema, ignored: z.number().int() }),
]);

export const discardResultSchema = z.discriminatedUnion("dryRun", [
  z.object({ dryRun: z.literal(true), matched: z.number().int() }),
  z.object({ dryRun: z.literal(false), discarded: z.number().int(), ignored: z.number().int(), job: bulkJobSchema }),
]);

const processOutcome = z.looseObject({ kind: z.enum(["processed", "skipped", "unrecoverable", "retry", "rate_limited", "timeout"]) });

export const reprocessResultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("delivery"), deadLetter: deadLetterSchema, deliveryId: z.string() }),
  z.object({ kind: z.literal("inbound"), deadLetter: deadLetterSchema, outcome: processOutcome }),
]);

export type DeadLetterPage = z.infer<typeof deadLetterPageSchema>;
export type DeadLetterListItem = DeadLetterPage["data"][number];
export type DeadLetterDetail = z.infer<typeof deadLetterDetailSchema>;
export type DlqStats = z.infer<typeof dlqStatsSchema>;
export type BulkJob = z.infer<typeof bulkJobSchema>;
export type ReprocessJobResult = z.infer<typeof reprocessJobResultSchema>;
export type DiscardResult = z.infer<typeof discardResultSchema>;
export type ReprocessResult = z.infer<typeof reprocessResultSchema>;
