import { z } from "zod";
import { DELIVERY_STATUSES } from "../delivery/delivery-view";
import { pageOf, timestamp } from "./common";
import { policyInEffectSchema, retryFieldsShape } from "./policies";

export const deliverySchema = z.object({
  id: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attemptCount: z.number().int(),
  nextAttemptAt: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  completedAt: timestamp.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  endpoint: z.object({ id: z.string(), url: z.string() }),
  message: z.object({ id: z.string(), eventType: z.string() }),
});

export const deliveryPageSchema = pageOf(deliverySchema);

export const deliveryAttemptSchema = z.object({
  number: z.number().int(),
  startedAt: timestamp,
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  responseBody: z.string().nullable(),
  outcome: z.string(),
  delayMs: z.number().int().nullable().describe("The wait scheduled after this attempt"),
  requestHeaders: z.record(z.string(), z.string()).nullable().describe("What was sent; signatures and credentials masked"),
  responseHeaders: z.record(z.string(), z.string()).nullable().describe("What the endpoint answered with; credentials masked"),
});

export const deliveryDetailSchema = deliverySchema.extend({
  replayOfId: z.string().nullable(),
  endpoint: z.object({ id: z.string(), url: z.string(), enabled: z.boolean(), policyId: z.string().nullable() }),
  message: z.object({ id: z.string(), eventType: z.string(), payload: z.string().describe("The exact text sent"), createdAt: timestamp }),
  attempts: z.array(deliveryAttemptSchema),
  policy: policyInEffectSchema,
  ranUnder: z.object(retryFieldsShape).nullable().describe("The policy its last attempt ran under; null before the first attempt"),
  nextRetryAt: timestamp.nullable(),
  replayIds: z.array(z.string()),
  deadLetterId: z.string().nullable(),
});

export const replayedDeliverySchema = z.object({
  id: z.string(),
  replayOfId: z.string(),
  messageId: z.string(),
  endpointId: z.string(),
  status: z.string(),
  createdAt: timestamp,
});

export const messageSchema = z.object({
  id: z.string(),
  eventType: z.string(),
  payload: z.unknown().describe("The JSON value delivered to endpoints; a delivery's detail has its exact text"),
  idempotencyKey: z.string().nullable(),
  createdAt: timestamp,
  deliveries: z.array(deliverySchema),
});

export type Delivery = z.infer<typeof deliverySchema>;
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;
export type ReplayedDelivery = z.infer<typeof replayedDeliverySchema>;
export type Message = z.infer<typeof messageSchema>;
