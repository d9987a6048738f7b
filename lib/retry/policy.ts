import { z } from "zod";

export const JITTER_MODES = ["none", "proportional", "full", "decorrelated"] as const;
export type JitterMode = (typeof JITTER_MODES)[number];

/** Groups digits so the bounds in messages read like the numbers an operator types. */
function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * One message per field, used for every way the field can be wrong (type, integer, bounds):
 * the dashboard shows it inline under the input, where "expected number, received string"
 * would mean nothing to an operator.
 */
function wholeNumber(message: string, min: number, max: number): z.ZodNumber {
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

function decimal(message: string, min: number, max: number): z.ZodNumber {
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}

const DAY_MS = 86_400_000;

export const RETRY_POLICY_LIMITS = {
  maxAttempts: { min: 1, max: 100 },
  initialDelayMs: { min: 0, max: DAY_MS },
  maxDelayMs: { min: 0, max: 7 * DAY_MS },
  exponentialBase: { min: 1, max: 10 },
  jitter: { min: 0, max: 1 },
  timeoutMs: { min: 100, max: 300_000 },
} as const;

const L = RETRY_POLICY_LIMITS;

export const RETRY_POLICY_MESSAGES = {
  maxAttempts: `Max attempts must be a whole number from ${L.maxAttempts.min} to ${L.maxAttempts.max}`,
  initialDelayMs: `Initial delay must be a whole number of milliseconds from 0 to ${formatNumber(L.initialDelayMs.max)} (24 hours)`,
  maxDelayMs: `Maximum delay must be a whole number of milliseconds from 0 to ${formatNumber(L.maxDelayMs.max)} (7 days)`,
  exponentialBase: `Exponential base must be a number from ${L.exponentialBase.min} to ${L.exponentialBase.max}`,
  jitter: "Jitter must be a fraction from 0 to 1 (0.1 means ±10%)",
  jitterMode: `Jitter mode must be one of: ${JITTER_MODES.join(", ")}`,
  timeoutMs: `Timeout must be a whole number of milliseconds from ${L.timeoutMs.min} to ${formatNumber(L.timeoutMs.max)} (5 minutes)`,
  maxBelowInitial: "Maximum delay must be at least the initial delay",
} as const;

const M = RETRY_POLICY_MESSAGES;

export const retryPolicySchema = z
  .object({
    maxAttempts: wholeNumber(M.maxAttempts, L.maxAttempts.min, L.maxAttempts.max).default(5),
    initialDelayMs: wholeNumber(M.initialDelayMs, L.initialDelayMs.min, L.initialDelayMs.max).default(1000),
    maxDelayMs: wholeNumber(M.maxDelayMs, L.maxDelayMs.min, L.maxDelayMs.max).default(300_000),
    exponentialBase: decimal(M.exponentialBase, L.exponentialBase.min, L.exponentialBase.max).default(2),
    jitter: decimal(M.jitter, L.jitter.min, L.jitter.max).default(0.1),
    jitterMode: z.enum(JITTER_MODES, { error: M.jitterMode }).default("proportional"),
    timeoutMs: wholeNumber(M.timeoutMs, L.timeoutMs.min, L.timeoutMs.max).default(30_000),
  })
  // On maxDelayMs so the form shows it under the field the operator is likely to fix; only once
  // the fields are valid on their own, so a field never shows two messages at the same time.
  .refine((p) => p.maxDelayMs >= p.initialDelayMs, {
    path: ["maxDelayMs"],
    error: M.maxBelowInitial,
    when: (payload) => payload.issues.length === 0,
  });

export type RetryPolicy = z.output<typeof retryPolicySchema>;
export type RetryPolicyInput = z.input<typeof retryPolicySchema>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze(retryPolicySchema.parse({}));

/** Validates and fills defaults; throws ZodError with the field messages above. */
export function parseRetryPolicy(input: unknown): RetryPolicy {
  return retryPolicySchema.parse(input);
}
