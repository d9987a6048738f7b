import { z } from "zod";
import { JITTER_MODES } from "../retry/policy";
import { listOf, timestamp } from "./common";

/** The retry fields as a stored policy answers them (every field present). */
export const retryFieldsShape = {
  maxAttempts: z.number().int(),
  initialDelayMs: z.number().int(),
  maxDelayMs: z.number().int(),
  exponentialBase: z.number(),
  jitter: z.number(),
  jitterMode: z.enum(JITTER_MODES),
  timeoutMs: z.number().int(),
};

const range = z.object({ minMs: z.number(), maxMs: z.number(), baseMs: z.number() });

export const policySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  ...retryFieldsShape,
  endpointCount: z.number().int(),
  schedule: z.array(z.looseObject({ attempt: z.number().int(), baseMs: z.number(), minMs: z.number(), maxMs: z.number() })).describe("The gaps between attempts"),
  giveUpAfter: range.describe("How long after the first attempt the last one is made"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const policyListSchema = listOf(policySchema);

/** The policy a delivery follows: its endpoint's own, else the default, else the built-in one. */
export const policyInEffectSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  source: z.enum(["endpoint", "default", "builtin"]),
  ...retryFieldsShape,
});

export type Policy = z.infer<typeof policySchema>;
