import { z } from "zod";
import { listOf, timestamp } from "./common";

export const endpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.string()).describe("Event types delivered here; empty means all"),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  disabledAt: timestamp.nullable(),
  failingSince: timestamp.nullable(),
  policyId: z.string().nullable(),
  policy: z.object({ id: z.string(), name: z.string() }).nullable(),
  rateLimitPerSecond: z.number().nullable(),
  maxConcurrency: z.number().int().nullable(),
  secretHint: z.string().describe("The signing secret's last characters; the secret itself is shown once"),
  previousSecretExpiresAt: timestamp.nullable().describe("Set while a rotated-out secret still signs alongside the new one"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** One endpoint as GET /api/endpoints/{id} answers it: with how its recent deliveries went. */
export const endpointDetailSchema = endpointSchema.extend({
  health: z.object({
    windowHours: z.number(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    dead: z.number().int(),
    successRate: z.number().nullable().describe("Null when nothing finished in the window"),
    lastFailure: z.object({ at: timestamp, deliveryId: z.string(), statusCode: z.number().int().nullable(), error: z.string().nullable() }).nullable(),
    disabledReason: z.string().nullable(),
  }),
  heldDeliveries: z.number().int().describe("Deliveries made while it was disabled, waiting to be sent or discarded"),
});

export const endpointListSchema = listOf(endpointSchema);

export const createdEndpointSchema = endpointSchema.extend({ secret: z.string().describe("The signing secret, shown this once") });

export const rotatedEndpointSecretSchema = z.object({
  id: z.string(),
  secret: z.string().describe("The new signing secret, shown this once"),
  secretHint: z.string(),
  previousSecretExpiresAt: timestamp.describe("Until then deliveries are signed with both secrets"),
});

export const settledHeldSchema = z.object({ endpointId: z.string(), action: z.enum(["send", "discard"]), count: z.number().int() });

export const sentTestEventSchema = z.object({ messageId: z.string(), deliveryId: z.string().describe("Follow it at /api/deliveries/{id}") });

export const endpointSeriesSchema = z.object({
  bucketMs: z.number().int(),
  points: z.array(
    z.object({
      t: z.number().describe("Bucket start, epoch ms"),
      attempts: z.number().int(),
      succeeded: z.number().int(),
      p50Ms: z.number().nullable(),
      p95Ms: z.number().nullable(),
    }),
  ),
  sampled: z.boolean().describe("True when only the newest attempts of the window were read"),
});

export type Endpoint = z.infer<typeof endpointSchema>;
export type EndpointDetail = z.infer<typeof endpointDetailSchema>;
export type EndpointHealth = EndpointDetail["health"];
export type CreatedEndpoint = z.infer<typeof createdEndpointSchema>;
export type RotatedEndpointSecret = z.infer<typeof rotatedEndpointSecretSchema>;
export type SettledHeld = z.infer<typeof settledHeldSchema>;
export type SentTestEvent = z.infer<typeof sentTestEventSchema>;
export type EndpointSeries = z.infer<typeof endpointSeriesSchema>;
