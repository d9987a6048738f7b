import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  DEFAULT_RETRY_POLICY,
  JITTER_MODES,
  RETRY_POLICY_MESSAGES,
  parseRetryPolicy,
  retryPolicySchema,
} from "@/lib/retry";

function messagesFor(input: unknown): Record<string, string[]> {
  const result = retryPolicySchema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    (byField[key] ??= []).push(issue.message);
  }
  return byField;
}

describe("retryPolicySchema", () => {
  it("fills every default from {}", () => {
    expect(retryPolicySchema.parse({})).toEqual({
      maxAttempts: 5,
      initialDelayMs: 1000,
      maxDelayMs: 300_000,
      exponentialBase: 2,
      jitter: 0.1,
      jitterMode: "proportional",
      timeoutMs: 30_000,
    });
    expect(DEFAULT_RETRY_POLICY).toEqual(retryPolicySchema.parse({}));
  });

  it("accepts every bound exactly", () => {
    const low = { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0, exponentialBase: 1, jitter: 0, timeoutMs: 100 };
    const high = {
      maxAttempts: 100,
      initialDelayMs: 86_400_000,
      maxDelayMs: 604_800_000,
      exponentialBase: 10,
      jitter: 1,
      timeoutMs: 300_000,
    };
    expect(retryPolicySchema.parse(low)).toMatchObject(low);
    expect(retryPolicySchema.parse(high)).toMatchObject(high);
    for (const jitterMode of JITTER_MODES) {
      expect(retryPolicySchema.parse({ jitterMode }).jitterMode).toBe(jitterMode);
    }
  });

  const rejections: Array<[string, unknown, string]> = [
    ["maxAttempts", 0, RETRY_POLICY_MESSAGES.maxAttempts],
    ["maxAttempts", 101, RETRY_POLICY_MESSAGES.maxAttempts],
    ["maxAttempts", 2.5, RETRY_POLICY_MESSAGES.maxAttempts],
    ["maxAttempts", "5", RETRY_POLICY_MESSAGES.maxAttempts],
    ["initialDelayMs", -1, RETRY_POLICY_MESSAGES.initialDelayMs],
    ["initialDelayMs", 86_400_001, RETRY_POLICY_MESSAGES.initialDelayMs],
    ["maxDelayMs", -1, RETRY_POLICY_MESSAGES.maxDelayMs],
    ["maxDelayMs", 604_800_001, RETRY_POLICY_MESSAGES.maxDelayMs],
    ["exponentialBase", 0.99, RETRY_POLICY_MESSAGES.exponentialBase],
    ["exponentialBase", 10.01, RETRY_POLICY_MESSAGES.exponentialBase],
    ["exponentialBase", Number.NaN, RETRY_POLICY_MESSAGES.exponentialBase],
    ["jitter", -0.01, RETRY_POLICY_MESSAGES.jitter],
    ["jitter", 1.01, RETRY_POLICY_MESSAGES.jitter],
    ["jitterMode", "exponential", RETRY_POLICY_MESSAGES.jitterMode],
    ["timeoutMs", 99, RETRY_POLICY_MESSAGES.timeoutMs],
    ["timeoutMs", 300_001, RETRY_POLICY_MESSAGES.timeoutMs],
    ["timeoutMs", null, RETRY_POLICY_MESSAGES.timeoutMs],
  ];

  it.each(rejections)("rejects %s = %s with its message", (field, value, message) => {
    // Keep the other fields valid so only the field under test can fail.
    const input = field === "initialDelayMs" ? { [field]: value, maxDelayMs: 604_800_000 } : { [field]: value };
    expect(messagesFor(input)).toEqual({ [field]: [message] });
  });

  it("states the bounds in words an operator can act on", () => {
    expect(RETRY_POLICY_MESSAGES.maxAttempts).toBe("Max attempts must be a whole number from 1 to 100");
    expect(RETRY_POLICY_MESSAGES.initialDelayMs).toBe(
      "Initial delay must be a whole number of milliseconds from 0 to 86,400,000 (24 hours)",
    );
    expect(RETRY_POLICY_MESSAGES.maxDelayMs).toBe(
      "Maximum delay must be a whole number of milliseconds from 0 to 604,800,000 (7 days)",
    );
    expect(RETRY_POLICY_MESSAGES.timeoutMs).toBe(
      "Timeout must be a whole number of milliseconds from 100 to 300,000 (5 minutes)",
    );
  });

  it("rejects a maximum delay below the initial delay, on maxDelayMs", () => {
    expect(messagesFor({ initialDelayMs: 5000, maxDelayMs: 4999 })).toEqual({
      maxDelayMs: ["Maximum delay must be at least the initial delay"],
    });
    expect(retryPolicySchema.safeParse({ initialDelayMs: 5000, maxDelayMs: 5000 }).success).toBe(true);
  });
});

describe("parseRetryPolicy", () => {
  it("returns the parsed policy", () => {
    expect(parseRetryPolicy({ maxAttempts: 3 }).maxAttempts).toBe(3);
  });

  it("throws a ZodError on invalid input", () => {
    expect(() => parseRetryPolicy({ maxAttempts: 0 })).toThrow(ZodError);
    expect(() => parseRetryPolicy("five")).toThrow(ZodError);
  });
});
