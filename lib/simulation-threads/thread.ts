// A simulation thread: runs the pure simulator on requests from ThreadPool, one at a time.
import { parentPort } from "node:worker_threads";
import { backtest } from "../simulator/backtest";
import { compare } from "../simulator/compare";
import { simulate } from "../simulator/simulate";
import type { SimulationRequest } from "./simulations";

parentPort?.on("message", (request: SimulationRequest) => {
  try {
    const result = request.kind === "simulate" ? simulate(request.input) : request.kind === "compare" ? compare(request.input) : backtest(request.input);
    parentPort?.postMessage({ ok: true, result });
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
