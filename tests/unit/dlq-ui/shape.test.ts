import { describe, expect, it } from "vitest";
import {
  describeFilterScope,
  estimateText,
  historyGroups,
  jobProgress,
  letterStatusMeta,
  parseRate,
  pruneSelection,
  reasonBars,
  reasonChartSummary,
  reasonMeta,
  type HistoryAttempt,
  type JobCounts,
  type LinkedDelivery,
} from "@/components/dead-letters/shape";

describe("reasonBars", () => {
  it("keeps every known reason in a fixed order, zeros included, with readable labels", () => {
    const bars = reasonBars([
      { reason: "payload_error", total: 3, pending: 1 },
      { reason: "max_retries", total: 12, pending: 12 },
    ]);
    expect(bars.map((b) => b.reason)).toEqual(["max_retries", "invalid_endpoint", "payload_error", "unrecoverable"]);
    expect(bars[0]).toEqual({ reason: "max_retries", label: "Retries exhausted", total: 12, pending: 12, settled: 0 });
    expect(bars[1]).toMatchObject({ total: 0, pending: 0, settled: 0 });
    expect(bars[2]).toMatchObject({ label: "Payload rejected", settled: 2 });
  });

  it("appends reasons it does not know, largest first", () => {
    const bars = reasonBars([
      { reason: "quota_exceeded", total: 1, pending: 1 },
      { reason: "cosmic_rays", total: 5, pending: 0 },
    ]);
    expect(bars.slice(4).map((b) => [b.reason, b.label])).toEqual([
      ["cosmic_rays", "cosmic rays"],
      ["quota_exceeded", "quota exceeded"],
    ]);
  });

  it("summarises the chart in words", () => {
    expect(reasonChartSummary(reasonBars([]))).toBe("No dead letters.");
    expect(reasonChartSummary(reasonBars([{ reason: "max_retries", total: 1200, pending: 3 }]))).toBe(
      "Dead letters by failure reason. Retries exhausted: 1,200 in total, 3 pending.",
    );
  });
});

describe("labels", () => {
  it("names statuses and reasons, and falls back to the raw value", () => {
    expect(letterStatusMeta("reprocessing")).toMatchObject({ label: "Reprocessing", tone: "info" });
    expect(letterStatusMeta("weird").label).toBe("weird");
    expect(reasonMeta("unrecoverable").label).toBe("Unrecoverable");
    expect(reasonMeta("toString").label).toBe("toString");
  });
});

const job = (patch: Partial<JobCounts>): JobCounts => ({
  status: "running",
  total: 10,
  processed: 0,
  inFlight: 0,
  succeeded: 0,
  failed: 0,
  ratePerSecond: 2,
  finishedAt: null,
  ...patch,
});

describe("jobProgress", () => {
  it("counts settled letters as progress and shows letters in flight as their own segment", () => {
    const p = jobProgress(job({ processed: 6, inFlight: 2, succeeded: 3, failed: 1 }));
    expect(p.percent).toBe(40);
    expect(p.segments).toEqual({ succeeded: 30, failed: 10, inFlight: 20 });
    expect(p).toMatchObject({ active: true, cancellable: true, label: "Running", tone: "info" });
    expect(p.remainingMs).toBe(2000);
  });

  it("rounds down, so 100% means every letter settled", () => {
    expect(jobProgress(job({ total: 3, processed: 3, succeeded: 2, failed: 0, inFlight: 1 })).percent).toBe(66);
    expect(jobProgress(job({ total: 1000, processed: 1000, succeeded: 999, inFlight: 1 })).percent).toBe(99);
  });

  it("tells a clean finish from one with failures", () => {
    const done = jobProgress(job({ status: "completed", processed: 10, succeeded: 10, finishedAt: "2026-01-01T00:00:00Z" }));
    expect(done).toMatchObject({ percent: 100, active: false, cancellable: false, label: "Done", tone: "success", remainingMs: null });
    const mixed = jobProgress(job({ status: "completed", processed: 10, succeeded: 7, failed: 3, finishedAt: "2026-01-01T00:00:00Z" }));
    expect(mixed).toMatchObject({ label: "Done, with failures", tone: "warning" });
  });

  it("shows a cancel in progress until the runner lets go, and cannot be cancelled twice", () => {
    expect(jobProgress(job({ status: "cancelled", processed: 4 }))).toMatchObject({ label: "Cancelling…", active: true, cancellable: false });
    expect(jobProgress(job({ status: "cancelled", processed: 4, finishedAt: "2026-01-01T00:00:00Z" }))).toMatchObject({ label: "Cancelled", active: false });
  });

  it("handles a queued job and an empty one", () => {
    expect(jobProgress(job({ status: "queued" }))).toMatchObject({ label: "Queued", percent: 0, cancellable: true, remainingMs: 5000 });
    expect(jobProgress(job({ status: "completed", total: 0, finishedAt: "2026-01-01T00:00:00Z" })).percent).toBe(100);
  });
});

describe("rate", () => {
  it("accepts letters per second within the API's bounds", () => {
    expect(parseRate("10")).toEqual({ ok: true, rate: 10 });
    expect(parseRate(" 0.5 ")).toEqual({ ok: true, rate: 0.5 });
    expect(parseRate("1000")).toEqual({ ok: true, rate: 1000 });
    for (const bad of ["", "0", "0.01", "1001", "ten", "NaN", "Infinity"]) expect(parseRate(bad).ok).toBe(false);
  });

  it("estimates how long a job takes", () => {
    expect(estimateText(0, 10)).toBe("nothing to send");
    expect(estimateText(5, 10)).toBe("under a second");
    expect(estimateText(120, 10)).toBe("about 12 s");
    expect(estimateText(900, 10)).toBe("about 1.5 min");
  });
});

describe("historyGroups", () => {
  const delivery = (id: string, role: LinkedDelivery["role"], createdAt: string): LinkedDelivery => ({ id, role, status: "dead", attemptCount: 1, createdAt, completedAt: null });
  const attempt = (deliveryId: string, number: number, startedAt: string): HistoryAttempt => ({
    deliveryId,
    number,
    startedAt,
    durationMs: 5,
    statusCode: 500,
    error: null,
    outcome: "RETRY",
    delayMs: null,
  });

  it("groups attempts under their delivery, oldest delivery first, and numbers the reprocesses", () => {
    const groups = historyGroups(
      [delivery("d3", "reprocess", "2026-01-01T00:02:00Z"), delivery("d1", "original", "2026-01-01T00:00:00Z"), delivery("d2", "reprocess", "2026-01-01T00:01:00Z")],
      [attempt("d1", 2, "2026-01-01T00:00:02Z"), attempt("d2", 1, "2026-01-01T00:01:01Z"), attempt("d1", 1, "2026-01-01T00:00:01Z")],
    );
    expect(groups.map((g) => [g.delivery.id, g.title, g.attempts.map((a) => a.number)])).toEqual([
      ["d1", "Original delivery", [1, 2]],
      ["d2", "Reprocess 1", [1]],
      ["d3", "Reprocess 2", []],
    ]);
    expect(groups[0].attempts[0].responseBody).toBeNull();
  });
});

describe("pruneSelection", () => {
  it("keeps only selected ids still selectable", () => {
    expect(pruneSelection({ a: true, b: true, c: false }, ["a", "c", "d"])).toEqual({ a: true });
  });
});

describe("describeFilterScope", () => {
  it("says which pending letters a bulk action reaches", () => {
    expect(describeFilterScope({}, null)).toBe("every pending letter");
    expect(describeFilterScope({ reason: ["max_retries"], endpointId: "ep_1", eventType: "order.created" }, "https://example.com/hooks")).toBe(
      "every pending letter, failed with “Retries exhausted”, to example.com/hooks, of type order.created",
    );
    expect(describeFilterScope({ endpointId: "ep_1" }, null)).toBe("every pending letter, to the chosen endpoint");
  });
});
