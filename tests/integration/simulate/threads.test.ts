import { describe, expect, it } from "vitest";
import { simulate, simulationInputSchema, type SimulationResult } from "@/lib/simulator";
import { useApp } from "../../support/app-server";

// The largest run the limits allow: 200,000 deliveries × up to 25 attempts.
const HEAVY = { deliveries: 200_000, failureRate: 0.9, timeoutRate: 0, seed: 3, policy: { maxAttempts: 25, initialDelayMs: 100, maxDelayMs: 1_000 } };

describe("simulations on a pool of threads, in the built app", () => {
  const app = useApp("sqlite", { env: { HOOKRELAY_SIMULATION_THREADS: "1", HOOKRELAY_SIMULATION_QUEUE: "1" } });

  it("gives exactly what the simulator computes", async () => {
    const request = { deliveries: 500, failureRate: 0.4, timeoutRate: 0.1, seed: 11, policy: { maxAttempts: 5, jitterMode: "full" } };
    const res = await app.operator.json("POST", "/api/simulate", request);
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: SimulationResult };
    expect(result).toEqual(JSON.parse(JSON.stringify(simulate(simulationInputSchema.parse(request)))));
  });

  it("answers 429 with Retry-After once the thread and its queue are taken, and runs the rest", { timeout: 60_000 }, async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.operator.json("POST", "/api/simulate", HEAVY)));
    const refused = answers.filter((r) => r.status === 429);
    const ran = answers.filter((r) => r.status === 200);
    expect(ran.length + refused.length).toBe(6);
    expect(ran.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) {
      expect(r.headers.get("retry-after")).toBe("1");
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    }
    for (const r of ran) expect(((await r.json()) as { result: SimulationResult }).result.deliveries).toBe(200_000);
  });
});
