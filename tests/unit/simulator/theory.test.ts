import { describe, expect, it } from "vitest";
import { closedForm } from "@/lib/simulator";

describe("closedForm", () => {
  it("matches 1 - p^n and the geometric sum for the reference scenario", () => {
    const form = closedForm(0.6, 5);
    expect(form.perAttemptFailure).toBe(0.6);
    expect(form.successWithinMaxAttempts).toBeCloseTo(0.92224, 12);
    expect(form.expectedAttempts).toBeCloseTo(0.92224 / 0.4, 12); // 2.3056
    expect(form.cumulativeByAttempt.map((v) => Number(v.toFixed(6)))).toEqual([0.4, 0.64, 0.784, 0.8704, 0.92224]);
    expect(form.deliveredAtAttempt.map((v) => Number(v.toFixed(6)))).toEqual([0.4, 0.24, 0.144, 0.0864, 0.05184]);
  });

  it("handles an endpoint that always works", () => {
    const form = closedForm(0, 3);
    expect(form.successWithinMaxAttempts).toBe(1);
    expect(form.expectedAttempts).toBe(1);
    expect(form.cumulativeByAttempt).toEqual([1, 1, 1]);
  });

  it("handles an endpoint that never works without dividing by zero", () => {
    const form = closedForm(1, 4);
    expect(form.successWithinMaxAttempts).toBe(0);
    expect(form.expectedAttempts).toBe(4);
    expect(form.deliveredAtAttempt).toEqual([0, 0, 0, 0]);
  });

  it("expected attempts equals the sum over the attempt law", () => {
    for (const [p, n] of [[0.3, 1], [0.5, 7], [0.95, 20]] as const) {
      const form = closedForm(p, n);
      let sum = 0;
      for (let k = 1; k <= n; k++) sum += Math.pow(p, k - 1);
      expect(form.expectedAttempts).toBeCloseTo(sum, 10);
    }
  });
});
