import { z } from "zod";
import { INBOUND_STATUSES } from "../inbound/inbound-status";
import { listOf, pageOf, timestamp } from "./common";

export const inboundEventSchema = z.object({
  id: z.string(),
  source: z.string().describe("The source's name"),
  idempotencyKey: z.string(),
  keySource: z.string().describe("Where the key came from: a header, the provider's event id, or the body's hash"),
  eventType: z.string().nullable(),
  status: z.enum(INBOUND_STATUSES),
  resultStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  runs: z.number().int(),
  duplicateCount: z.number().int(),
  providerAttempt: z.number().int().nullable(),
  messageId: z.string().nullable(),
  receivedAt: timestamp,
  processedAt: timestamp.nullable(),
  expiresAt: timestamp,
});

export const inboundEventPageSchema = pageOf(inboundEventSchema);

const headerRecord = z.record(z.string(), z.string());

export const inboundEventDetailSchema = inboundEventSchema.extend({
  provider: z.string(),
  headers: headerRecord,
  sourceHeaders: headerRecord.describe("What endpoints receive about the source with the message"),
  payload: z.string().describe("The exact text received"),
  result: z.object({ status: z.number().int(), body: z.unknown() }).nullable(),
  processingUntil: timestamp.nullable(),
  message: z
    .object({
      id: z.string(),
      eventType: z.string(),
      createdAt: timestamp,
      deliveries: z.array(z.object({ id: z.string(), endpointId: z.string(), url: z.string(), status: z.string(), attemptCount: z.number().int() })),
    })
    .nullable(),
  deadLetters: z.array(z.object({ id: z.string(), reason: z.string(), status: z.string(), errorDetails: z.string().nullable(), failedAt: timestamp })),
});

export const sourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  provider: z.string().describe("The signing preset"),
  signatureHeader: z.string().nullable(),
  signaturePrefix: z.string().nullable(),
  signatureEncoding: z.string().nullable(),
  secretHint: z.string().nullable(),
  previousSecretExpiresAt: timestamp.nullable(),
  idempotencyTtlSeconds: z.number().int(),
  rateLimitPerSecond: z.number().int().nullable(),
  webhookPath: z.string().describe("Where providers send this source's webhooks"),
  refusedLastDay: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const sourceListSchema = listOf(sourceSchema);

/** Create, rotate and a PATCH that changes the signing scheme answer the secret, this once. */
export const sourceWithSecretSchema = sourceSchema.extend({ secret: z.string().nullable().describe("Shown this once; null when the source checks no signature") });

export const sourceRefusalsSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      receivedAt: timestamp,
      status: z.number().int(),
      code: z.string(),
      reason: z.string(),
      headers: headerRecord,
      bodyExcerpt: z.string(),
      bodyBytes: z.number().int(),
    }),
  ),
  lastDayByStatus: z.record(z.string(), z.number().int()).describe("Refusals in the last 24 hours by HTTP status"),
});

/** What a provider is answered for an accepted (or duplicate) webhook. */
export const webhookAnswerSchema = z.looseObject({
  id: z.string(),
  idempotencyKey: z.string(),
  keySource: z.string(),
  status: z.string(),
});

/** A named source's answer: an event's, or the challenge a provider's URL check (Slack's url_verification) asks to see again. */
export const sourceWebhookAnswerSchema = z.union([webhookAnswerSchema, z.object({ challenge: z.string() })]);

export const updatedSourceSchema = sourceSchema.extend({ secret: z.string().nullable().optional().describe("Present when the preset changed: the new secret, shown this once") });

export type InboundEvent = z.infer<typeof inboundEventSchema>;
export type InboundEventPage = z.infer<typeof inboundEventPageSchema>;
export type InboundEventDetail = z.infer<typeof inboundEventDetailSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type SourceWithSecret = z.infer<typeof sourceWithSecretSchema>;
export type UpdatedSource = z.infer<typeof updatedSourceSchema>;
export type SourceRefusals = z.infer<typeof sourceRefusalsSchema>;
