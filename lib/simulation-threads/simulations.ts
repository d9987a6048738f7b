import { Worker } from "node:worker_threads";
import { config } from "../config";
import { processSingleton } from "../process-singleton";
import type { BacktestResult } from "../simulator/backtest";
import type { ComparisonEntry } from "../simulator/compare";
import type { BacktestInput, CompareInput, SimulationInput } from "../simulator/schema";
import type { SimulationResult } from "../simulator/simulate";
import { ThreadPool } from "./pool";

export type SimulationRequest =
  | { kind: "simulate"; input: SimulationInput }
  | { kind: "compare"; input: CompareInput }
  | { kind: "backtest"; input: BacktestInput };

type Pool = ThreadPool<SimulationRequest, unknown>;

/** The process's simulation threads (HOOKRELAY_SIMULATION_THREADS, queue HOOKRELAY_SIMULATION_QUEUE). */
function pool(): Pool {
  return processSingleton("simulation-threads", () => {
    const c = config();
    return new ThreadPool<SimulationRequest, unknown>({
      size: c.HOOKRELAY_SIMULATION_THREADS,
      queueLimit: c.HOOKRELAY_SIMULATION_QUEUE,
      // Written out here, with new URL, so the bundler builds the thread's entry with the app.
      spawn: () => new Worker(new URL("./thread.ts", import.meta.url)),
    });
  });
}

/**
 * The simulator, run on a simulation thread so a large run does not hold up requests;
 * throws a 429 AppError when every thread is busy and the queue is full.
 */
export const simulations = {
  simulate: (input: SimulationInput) => pool().run({ kind: "simulate", input }) as Promise<SimulationResult>,
  compare: (input: CompareInput) => pool().run({ kind: "compare", input }) as Promise<ComparisonEntry[]>,
  backtest: (input: BacktestInput) => pool().run({ kind: "backtest", input }) as Promise<BacktestResult>,
};
