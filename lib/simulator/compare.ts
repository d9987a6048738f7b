import { axesFor } from "./axes";
import { runDeliveries } from "./run";
import type { CompareInput, SimulationInput } from "./schema";
import { simulateOnAxes, type SimulationResult } from "./simulate";

export interface ComparisonEntry {
  label: string;
  result: SimulationResult;
}

/**
 * Runs every policy against the same endpoint behaviour: the same seed gives each delivery
 * the same failure draw per attempt number under every policy (see streams.ts), so the
 * differences are the policies' and not luck. The results share time axes for one chart.
 */
export function compare(input: CompareInput): ComparisonEntry[] {
  const { policies, ...scenario } = input;
  const runs: SimulationInput[] = policies.map(({ policy }) => ({ ...scenario, policy }));
  const axes = axesFor(runs.map((run) => runDeliveries(run, null)));
  return runs.map((run, i) => ({ label: policies[i].label, result: simulateOnAxes(run, axes) }));
}
