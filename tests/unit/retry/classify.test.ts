import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyAttempt,
  parseRetryAfter,
  retryPolicySchema,
  type AttemptResult,
  type ClassifyContext,
  type RetryPolicyInput,
} from "@/lib/retry";

const NOW = Date.parse("2026-01-15T12:00:00Z");

function ctx(attempt: number, overrides: RetryPolicyInput = {}, random = 0.5, previousDelayMs?: number): ClassifyContext {
  return { policy: retryPolicySchema.parse(overrides), attempt, now: NOW, random: () => random, previousDelayMs };
}

const response = (status: number, retryAfter?: string | null): AttemptResult => ({ kind: "response", status, retryAfter });
const error = (kind: Extract<AttemptResult, { kind: "error" }>["error"], message = "boom"): AttemptResult => ({
  kind: "error",
  error: kind,
  message,
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });

  it("reads an IMF-fixdate relative to now", () => {
    expect(parseRetryAfter("Thu, 15 Jan 2026 12:01:30 GMT", NOW)).toBe(90_000);
  });

  it("reads the obsolete RFC 850 and asctime forms", () => {
    expect(parseRetryAfter("Thursday, 15-Jan-26 12:00:10 GMT", NOW)).toBe(10_000);
    // asctime has no zone: it is GMT by definition, whatever the server's time zone.
    expect(parseRetryAfter("Thu Jan 15 12:00:05 2026", NOW)).toBe(5_000);
  });

  it("turns a date in the past into zero", () => {
    expect(parseRetryAfter("Wed, 14 Jan 2026 12:00:00 GMT", NOW)).toBe(0);
  });

  it("returns null for absent or unparseable values", () => {
    for (const value of [null, undefined, "", "  ", "-5", "1.5", "1e3", "soon", "Thu, 99 Foo 2026 nonsense"]) {
      expect(parseRetryAfter(value, NOW)).toBeNull();
    }
  });

  it("never reads a bare number as a year", () => {
    // Date.parse("2026") is a valid date; as a Retry-After it means 2026 seconds.
    expect(parseRetryAfter("2026", NOW)).toBe(2_026_000);
  });

  it("keeps absurdly large values finite", () => {
    expect(parseRetryAfter("9".repeat(400), NOW)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("classifyAttempt: success and permanent failures", () => {
  it.each([200, 201, 202, 204, 299])("HTTP %i → SUCCESS", (status) => {
    expect(classifyAttempt(response(status), ctx(1))).toEqual({ type: "SUCCESS" });
  });

  it("HTTP 410 → DEAD invalid_endpoint even with attempts left", () => {
    expect(classifyAttempt(response(410), ctx(1))).toEqual({
      type: "DEAD",
      failureReason: "invalid_endpoint",
      reason: "HTTP 410 from endpoint: it reports it is gone",
    });
    expect(classifyAttempt(response(410), ctx(5))).toMatchObject({ failureReason: "invalid_endpoint" });
  });

  it.each([400, 413, 415, 422])("HTTP %i → DEAD payload_error", (status) => {
    expect(classifyAttempt(response(status), ctx(1))).toEqual({
      type: "DEAD",
      failureReason: "payload_error",
      reason: `HTTP ${status} from endpoint: it rejected this payload`,
    });
  });

  it("ssrf_blocked and invalid_url → DEAD invalid_endpoint", () => {
    expect(classifyAttempt(error("ssrf_blocked", "10.0.0.5 is private"), ctx(1))).toEqual({
      type: "DEAD",
      failureReason: "invalid_endpoint",
      reason: "endpoint address is not allowed (private or reserved network): 10.0.0.5 is private",
    });
    expect(classifyAttempt(error("invalid_url", "missing host"), ctx(1))).toEqual({
      type: "DEAD",
      failureReason: "invalid_endpoint",
      reason: "endpoint URL is invalid: missing host",
    });
  });

  it("skipped → SKIP with its reason", () => {
    expect(classifyAttempt({ kind: "skipped", reason: "endpoint disabled" }, ctx(1))).toEqual({
      type: "SKIP",
      reason: "endpoint disabled",
    });
  });
});

describe("classifyAttempt: retryable failures", () => {
  it.each([301, 302, 401, 403, 404, 408, 409, 429, 500, 502, 503, 504, 100])("HTTP %i → RETRY with backoff", (status) => {
    expect(classifyAttempt(response(status), ctx(2, { jitterMode: "none" }))).toEqual({
      type: "RETRY",
      delayMs: 2000,
      reason: `HTTP ${status} from endpoint`,
    });
  });

  it.each([
    ["timeout", "", "request timed out after 30000 ms"],
    ["connection", "ECONNREFUSED", "connection failed: ECONNREFUSED"],
    ["dns", "ENOTFOUND example.invalid", "DNS lookup failed: ENOTFOUND example.invalid"],
    ["tls", "certificate expired", "TLS handshake failed: certificate expired"],
    ["too_many_redirects", "", "too many redirects"],
    ["other", "socket hang up", "request failed: socket hang up"],
  ] as const)("error %s → RETRY (%s)", (kind, message, reason) => {
    expect(classifyAttempt(error(kind, message), ctx(1, { jitterMode: "none" }))).toEqual({
      type: "RETRY",
      delayMs: 1000,
      reason,
    });
  });

  it("uses the policy's jitter with the injected random source", () => {
    expect(classifyAttempt(response(500), ctx(1, {}, 0))).toMatchObject({ type: "RETRY", delayMs: 900 });
    expect(classifyAttempt(response(500), ctx(1, {}, 0.999))).toMatchObject({ type: "RETRY", delayMs: 1100 });
    expect(classifyAttempt(response(500), ctx(3, { jitterMode: "decorrelated" }, 0.5, 4000))).toMatchObject({
      type: "RETRY",
      delayMs: 6500,
    });
  });

  it("gives up with max_retries on the last attempt, naming the last failure", () => {
    expect(classifyAttempt(response(503), ctx(5))).toEqual({
      type: "DEAD",
      failureReason: "max_retries",
      reason: "gave up after 5 attempts: HTTP 503 from endpoint",
    });
    expect(classifyAttempt(error("timeout", ""), ctx(1, { maxAttempts: 1, timeoutMs: 5000 }))).toEqual({
      type: "DEAD",
      failureReason: "max_retries",
      reason: "gave up after 1 attempt: request timed out after 5000 ms",
    });
    // Beyond the limit (for example after the policy was lowered) it still gives up.
    expect(classifyAttempt(response(500), ctx(7))).toMatchObject({ type: "DEAD", failureReason: "max_retries" });
  });

  it("does not let Retry-After extend past the last attempt", () => {
    expect(classifyAttempt(response(429, "10"), ctx(5))).toMatchObject({ type: "DEAD", failureReason: "max_retries" });
  });
});

describe("classifyAttempt: Retry-After", () => {
  it("429 and 503 with delta-seconds → DELAY", () => {
    expect(classifyAttempt(response(429, "30"), ctx(1))).toEqual({
      type: "DELAY",
      delayMs: 30_000,
      reason: "HTTP 429 from endpoint; Retry-After asked for 30000 ms",
    });
    expect(classifyAttempt(response(503, "0"), ctx(2))).toMatchObject({ type: "DELAY", delayMs: 0 });
  });

  it("an HTTP-date is measured from ctx.now; a past one means now", () => {
    expect(classifyAttempt(response(503, "Thu, 15 Jan 2026 12:02:00 GMT"), ctx(1))).toMatchObject({
      type: "DELAY",
      delayMs: 120_000,
    });
    expect(classifyAttempt(response(503, "Thu, 15 Jan 2026 11:00:00 GMT"), ctx(1))).toMatchObject({
      type: "DELAY",
      delayMs: 0,
    });
  });

  it("is capped at the policy's maximum delay", () => {
    expect(classifyAttempt(response(429, "3600"), ctx(1, { maxDelayMs: 60_000 }))).toEqual({
      type: "DELAY",
      delayMs: 60_000,
      reason: "HTTP 429 from endpoint; Retry-After asked for 3600000 ms (capped at the policy's maximum delay of 60000 ms)",
    });
  });

  it("is ignored when unparseable or on other statuses", () => {
    expect(classifyAttempt(response(429, "later"), ctx(1, { jitterMode: "none" }))).toEqual({
      type: "RETRY",
      delayMs: 1000,
      reason: "HTTP 429 from endpoint",
    });
    expect(classifyAttempt(response(429, null), ctx(1, { jitterMode: "none" }))).toMatchObject({ type: "RETRY" });
    expect(classifyAttempt(response(500, "30"), ctx(1, { jitterMode: "none" }))).toMatchObject({
      type: "RETRY",
      delayMs: 1000,
    });
  });
});

describe("classifyAttempt properties", () => {
  it("every outcome's delay is a whole number in [0, maxDelayMs]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.option(fc.oneof(fc.nat().map(String), fc.string())),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (status, retryAfter, attempt, r) => {
          const outcome = classifyAttempt(response(status, retryAfter), ctx(attempt, { maxAttempts: 10 }, r));
          if (outcome.type !== "RETRY" && outcome.type !== "DELAY") return true;
          return Number.isInteger(outcome.delayMs) && outcome.delayMs >= 0 && outcome.delayMs <= 300_000;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
