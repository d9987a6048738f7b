import { z } from "zod";
import { timestamp } from "./common";

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ provider: z.enum(["sqlite", "postgresql"]), ok: z.boolean(), latencyMs: z.number().optional(), error: z.string().optional() }),
  workers: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      host: z.string(),
      pid: z.number().int(),
      state: z.string(),
      reason: z.string().optional(),
      lastBeatAt: timestamp.nullable(),
    }),
  ),
});

export const pingSchema = z.object({ ok: z.literal(true) });

export const cleanupSchema = z.object({
  removed: z.object({ inboundEvents: z.number().int(), attempts: z.number().int(), deliveries: z.number().int(), messages: z.number().int(), sessions: z.number().int(), operatorActions: z.number().int() }),
  retention: z.object({ attemptsDays: z.number(), deliveriesDays: z.number() }),
});

export const overviewSchema = z.object({
  window: z.enum(["1h", "24h", "7d"]),
  since: timestamp,
  received: z.number().int(),
  duplicates: z.number().int(),
  delivered: z.number().int(),
  failedAttempts: z.number().int(),
  successRate: z.number().nullable(),
  p95LatencyMs: z.number().nullable(),
  deadLettersPending: z.number().int(),
  pendingDeliveries: z.number().int(),
  series: z.array(z.object({ t: z.number(), succeeded: z.number().int(), retried: z.number().int(), dead: z.number().int() })),
  bucketMs: z.number(),
  endpoints: z.array(z.object({ id: z.string(), url: z.string(), enabled: z.boolean(), disabledReason: z.string().nullable(), failingSince: timestamp.nullable() })),
});

/** The document describes itself loosely: its own schema is OpenAPI 3.1's. */
export const openApiDocumentSchema = z.looseObject({ openapi: z.literal("3.1.0"), paths: z.record(z.string(), z.unknown()) });

export type Overview = z.infer<typeof overviewSchema>;
