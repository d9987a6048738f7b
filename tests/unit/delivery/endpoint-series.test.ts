import { describe, expect, it } from "vitest";
import { bucketAttempts } from "@/lib/delivery/endpoint-series";

const H = 3_600_000;

describe("an endpoint's attempts per hour", () => {
  it("counts attempts and successes and takes nearest-rank percentiles in each bucket, empty ones included", () => {
    const samples = [
      ...Array.from({ length: 20 }, (_, i) => ({ startedAt: 10, durationMs: (i + 1) * 10, ok: i < 15 })),
      { startedAt: 2 * H + 5, durationMs: 7, ok: true },
      { startedAt: -1, durationMs: 999, ok: true },
      { startedAt: 3 * H, durationMs: 999, ok: true },
    ];
    expect(bucketAttempts(samples, 0, 3 * H, H)).toEqual([
      { t: 0, attempts: 20, succeeded: 15, p50Ms: 100, p95Ms: 190 },
      { t: H, attempts: 0, succeeded: 0, p50Ms: null, p95Ms: null },
      { t: 2 * H, attempts: 1, succeeded: 1, p50Ms: 7, p95Ms: 7 },
    ]);
  });
});
