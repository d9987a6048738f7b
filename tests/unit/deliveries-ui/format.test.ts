import { describe, expect, it } from "vitest";
import { outcomeMeta, prettyPayload, shortUrl, statusMeta, summarizePolicy } from "@/components/deliveries/format";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "@/lib/retry";

describe("labels", () => {
  it("names every delivery status and attempt outcome, and passes unknown ones through", () => {
    expect(statusMeta("in_flight")).toMatchObject({ label: "In flight", tone: "info" });
    expect(statusMeta("failed").label).toBe("Failed");
    expect(statusMeta("weird")).toMatchObject({ label: "weird", tone: "neutral" });
    expect(outcomeMeta("DEAD")).toEqual({ label: "Failed, gave up", tone: "danger" });
    expect(outcomeMeta("NEW")).toEqual({ label: "NEW", tone: "neutral" });
  });
});

describe("prettyPayload", () => {
  it("indents JSON and leaves anything else as it is", () => {
    expect(prettyPayload('{"a":1,"b":[true]}')).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
    expect(prettyPayload("not json {")).toBe("not json {");
  });
});

describe("shortUrl", () => {
  it("drops the scheme only", () => {
    expect(shortUrl("https://api.example.com/hooks?x=http://y")).toBe("api.example.com/hooks?x=http://y");
    expect(shortUrl("HTTP://127.0.0.1:4000/a")).toBe("127.0.0.1:4000/a");
  });
});

describe("summarizePolicy", () => {
  const policy = (patch: Partial<RetryPolicy>): RetryPolicy => ({ ...DEFAULT_RETRY_POLICY, ...patch });

  it("says the default policy in one line, with when it gives up", () => {
    expect(summarizePolicy(DEFAULT_RETRY_POLICY)).toEqual({
      schedule: "Up to 5 attempts · 1 s × 2ⁿ backoff, capped at 5 min · ±10% jitter · 30 s timeout",
      giveUp: "Gives up 14 s to 17 s after the first attempt",
    });
  });

  it("gives one time when there is no jitter", () => {
    expect(summarizePolicy(policy({ jitterMode: "none", maxAttempts: 3, initialDelayMs: 500 })).giveUp).toBe("Gives up 1.5 s after the first attempt");
  });

  it("covers single attempts, constant delays and decorrelated jitter", () => {
    expect(summarizePolicy(policy({ maxAttempts: 1 }))).toEqual({ schedule: "1 attempt, no retries · 30 s timeout", giveUp: "Gives up after the first failure" });
    expect(summarizePolicy(policy({ exponentialBase: 1, jitterMode: "full" })).schedule).toBe("Up to 5 attempts · every 1 s · full jitter · 30 s timeout");
    expect(summarizePolicy(policy({ jitterMode: "decorrelated" })).schedule).toBe(
      "Up to 5 attempts · backoff growing from 1 s, capped at 5 min · decorrelated jitter · 30 s timeout",
    );
  });
});
