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
});

export const endpointListSchema = listOf(endpointSchema);

export const createdEndpointSchema = endpointSchema.extend({ secret: z.string().describe("The signing secret, shown this once") });

export const rotatedEndpointSecretSchema = z.object({
  id: z.string(),
  secret: z.string().describe("The new signing secret, shown this once"),
  secretHint: z.string(),
  previousSecretExpiresAt: timestamp.describe("Until then deliveries are signed with both secrets"),
});

export type Endpoint = z.infer<typeof endpointSchema>;
export type EndpointDetail = z.infer<typeof endpointDetailSchema>;
export type EndpointHealth = EndpointDetail["health"];
export type CreatedEndpoint = z.infer<typeof createdEndpointSchema>;
export type RotatedEndpointSecret = z.infer<typeof rotatedEndpointSecretSchema>;
