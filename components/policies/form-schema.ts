import type { z } from "zod";
import { policyCreateSchema, type PolicyCreateInput } from "@/lib/delivery/policy-schema";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "@/lib/retry/policy";
import type { Policy } from "@/components/api/policy-hooks";

/*
 * The form validates with the API's own schema for a new policy: the retry fields and their
 * messages come from lib/retry, the name and description rules from the policy service, and
 * issue paths are the form's field names. Number inputs register with valueAsNumber, so an
 * emptied field is NaN and gets the field's message rather than a silent default.
 */
export const policyFormSchema = policyCreateSchema;

export type PolicyFormInput = z.input<typeof policyFormSchema>;
export type PolicyFormValues = PolicyCreateInput;

export const POLICY_FORM_FIELDS = Object.keys(policyFormSchema.shape);

export function emptyPolicyForm(from: RetryPolicy = DEFAULT_RETRY_POLICY): PolicyFormInput {
  return { name: "", description: "", isDefault: false, ...pickRetry(from) };
}

export function policyToForm(policy: Policy): PolicyFormInput {
  return { name: policy.name, description: policy.description ?? "", isDefault: policy.isDefault, ...pickRetry(policy) };
}

/** Only the retry settings of a policy row (which also has a name, counts, a schedule…). */
function pickRetry(p: RetryPolicy): RetryPolicy {
  return {
    maxAttempts: p.maxAttempts,
    initialDelayMs: p.initialDelayMs,
    maxDelayMs: p.maxDelayMs,
    exponentialBase: p.exponentialBase,
    jitter: p.jitter,
    jitterMode: p.jitterMode,
    timeoutMs: p.timeoutMs,
  };
}

/** What is sent: an empty description is no description. */
export function toPolicyInput(values: PolicyFormValues): PolicyFormValues {
  return { ...values, description: values.description ? values.description : null };
}
