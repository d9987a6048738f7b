import { z } from "zod";
import { retryPolicySchema } from "../retry/policy";

const NAME_MESSAGE = "Name must be 1 to 60 characters";

const policyMeta = {
  name: z.string({ error: NAME_MESSAGE }).trim().min(1, NAME_MESSAGE).max(60, NAME_MESSAGE),
  description: z.string({ error: "Description must be text" }).trim().max(500, "Description has at most 500 characters").nullable().optional(),
  isDefault: z.boolean({ error: "Default must be true or false" }).optional(),
};

/** A new policy: the retry fields (each with its default) plus a unique name. */
export const policyCreateSchema = retryPolicySchema.safeExtend(policyMeta);

const fields = retryPolicySchema.shape;

/**
 * A partial update. Fields are checked one by one here; the rules that span fields
 * (maximum delay ≥ initial delay) run in updatePolicy on the merged result.
 */
export const policyUpdateSchema = z.object({
  ...policyMeta,
  name: policyMeta.name.optional(),
  maxAttempts: fields.maxAttempts.unwrap().optional(),
  initialDelayMs: fields.initialDelayMs.unwrap().optional(),
  maxDelayMs: fields.maxDelayMs.unwrap().optional(),
  exponentialBase: fields.exponentialBase.unwrap().optional(),
  jitter: fields.jitter.unwrap().optional(),
  jitterMode: fields.jitterMode.unwrap().optional(),
  timeoutMs: fields.timeoutMs.unwrap().optional(),
});

export type PolicyCreateInput = z.output<typeof policyCreateSchema>;
export type PolicyUpdateInput = z.output<typeof policyUpdateSchema>;
