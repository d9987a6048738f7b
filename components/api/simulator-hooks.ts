"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Policy } from "@/lib/contract/policies";
import type { RetryPolicy } from "@/lib/retry";
import type { CompareInput, CompareInputRaw, ComparisonEntry, SimulationInput, SimulationInputRaw, SimulationResult } from "@/lib/simulator";
import type { BacktestReport } from "@/lib/simulator/backtest-history";
import type { BacktestRequestRaw } from "@/lib/simulator/backtest-request";
import { apiFetch } from "./fetcher";

/** What the simulator form sends: one policy goes to /api/simulate, several to /api/simulate/compare. */
export type SimulatorRequest =
  | { kind: "single"; label: string; input: SimulationInputRaw }
  | { kind: "compare"; input: CompareInputRaw };

export interface SimulateResponse {
  input: SimulationInput;
  result: SimulationResult;
}

export interface CompareResponse {
  input: CompareInput;
  results: ComparisonEntry[];
}

export type SimulatorResponse = ({ kind: "single"; label: string } & SimulateResponse) | ({ kind: "compare" } & CompareResponse);

/** The fields of a saved policy the simulator uses (the policy pickers read usePolicies). */
export type SavedPolicy = Pick<Policy, "id" | "name" | "isDefault" | keyof RetryPolicy>;

/** Simulator runs live under ["simulator"]; the pickers use the policy and endpoint hooks and their keys. */
export const simulatorKeys = {
  all: ["simulator"] as const,
  run: (request: SimulatorRequest) => [...simulatorKeys.all, "run", request] as const,
  backtest: (request: BacktestRequestRaw) => [...simulatorKeys.all, "backtest", request] as const,
};

async function runSimulation(request: SimulatorRequest, signal: AbortSignal): Promise<SimulatorResponse> {
  if (request.kind === "single") {
    const body = await apiFetch<SimulateResponse>("/api/simulate", { method: "POST", body: JSON.stringify(request.input), signal });
    return { kind: "single", label: request.label, ...body };
  }
  const body = await apiFetch<CompareResponse>("/api/simulate/compare", { method: "POST", body: JSON.stringify(request.input), signal });
  return { kind: "compare", ...body };
}

/**
 * A run is a query, not a mutation: the same settings always give the same result, so it
 * is cached by its settings and re-shown at once when the URL returns to them. The previous
 * result stays on screen while the next one computes.
 */
export function useSimulation(request: SimulatorRequest | null) {
  return useQuery({
    queryKey: request ? simulatorKeys.run(request) : [...simulatorKeys.all, "run", "none"],
    queryFn: ({ signal }) => runSimulation(request as SimulatorRequest, signal),
    enabled: request !== null,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Backtests read recorded history, which grows: cached for a minute, not forever. */
export function useBacktest(request: BacktestRequestRaw | null) {
  return useQuery({
    queryKey: request ? simulatorKeys.backtest(request) : [...simulatorKeys.all, "backtest", "none"],
    queryFn: ({ signal }) =>
      apiFetch<BacktestReport>("/api/simulate/backtest", { method: "POST", body: JSON.stringify(request), signal }),
    enabled: request !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

