import { describe, expect, it } from "vitest";
import { HandlerRegistry } from "@/lib/inbound/handlers";
import type { ProcessOutcome } from "@/lib/inbound/process-event";
import { deadLetterFor, retryAfterOf, toRunResult } from "@/lib/inbound/run-result";

const who = { id: "in_1", key: { key: "evt_1", source: "body.id" as const } };

describe("toRunResult", () => {
  it.each<[ProcessOutcome, string, number]>([
    [{ kind: "processed", messageId: "m1", deliveries: 2 }, "processed", 200],
    [{ kind: "skipped", reason: "r" }, "skipped", 200],
    [{ kind: "unrecoverable", reason: "r" }, "skipped", 200],
    [{ kind: "retry", reason: "r" }, "failed", 500],
    [{ kind: "timeout", reason: "r" }, "failed", 500],
    [{ kind: "rate_limited", reason: "r", retryAfterSeconds: 3 }, "failed", 429],
  ])("%o → %s, %i", (outcome, status, code) => {
    const result = toRunResult(outcome, who);
    expect(result.status).toBe(status);
    expect(result.resultStatus).toBe(code);
  });

  it("describes a processed event for replay", () => {
    const result = toRunResult({ kind: "processed", messageId: "m1", deliveries: 2 }, who);
    expect(JSON.parse(result.resultBody)).toEqual({ id: "in_1", idempotencyKey: "evt_1", keySource: "body.id", status: "processed", messageId: "m1", deliveries: 2 });
    expect(result.messageId).toBe("m1");
  });

  it("answers failures in the one error shape", () => {
    expect(JSON.parse(toRunResult({ kind: "retry", reason: "down" }, who).resultBody)).toEqual({
      error: { code: "processing_failed", message: "Processing failed, retry later: down", details: { id: "in_1" } },
    });
  });
});

describe("dead letters and Retry-After", () => {
  it("dead-letters skipped events as payload_error and unrecoverable ones as unrecoverable, nothing else", () => {
    expect(deadLetterFor({ kind: "skipped", reason: "x" })).toEqual({ reason: "payload_error", details: "x" });
    expect(deadLetterFor({ kind: "unrecoverable", reason: "y" })).toEqual({ reason: "unrecoverable", details: "y" });
    expect(deadLetterFor({ kind: "retry", reason: "z" })).toBeUndefined();
  });

  it("rounds a processor's Retry-After up to whole seconds, at least 1", () => {
    expect(retryAfterOf({ kind: "rate_limited", reason: "", retryAfterSeconds: 2.1 })).toBe(3);
    expect(retryAfterOf({ kind: "rate_limited", reason: "", retryAfterSeconds: 0 })).toBe(1);
    expect(retryAfterOf({ kind: "retry", reason: "" })).toBeUndefined();
  });
});

describe("HandlerRegistry", () => {
  it("returns the '*' handlers first, then those of the type, and removes one on request", () => {
    const registry = new HandlerRegistry();
    const star = async () => undefined;
    const typed = async () => undefined;
    registry.register("*", star);
    const remove = registry.register("a", typed);
    expect(registry.handlersFor("a")).toEqual([star, typed]);
    expect(registry.handlersFor(null)).toEqual([star]);
    remove();
    expect(registry.handlersFor("a")).toEqual([star]);
  });
});
