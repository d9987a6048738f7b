import {
  compareInputSchema,
  simulationInputSchema,
  type CompareInput,
  type CompareInputRaw,
  type SimulationInput,
  type SimulationInputRaw,
} from "@/lib/simulator";

export const scenario = (input: SimulationInputRaw): SimulationInput => simulationInputSchema.parse(input);
export const comparison = (input: CompareInputRaw): CompareInput => compareInputSchema.parse(input);

/** Attempts per delivery when each attempt fails with probability p and at most n are made. */
export function attemptLaw(p: number, n: number): { probabilities: number[]; mean: number; variance: number } {
  const probabilities: number[] = [];
  for (let k = 1; k <= n; k++) probabilities.push(k < n ? Math.pow(p, k - 1) * (1 - p) : Math.pow(p, n - 1));
  const mean = probabilities.reduce((sum, q, i) => sum + q * (i + 1), 0);
  const variance = probabilities.reduce((sum, q, i) => sum + q * (i + 1 - mean) ** 2, 0);
  return { probabilities, mean, variance };
}

/** Half-width of a binomial tolerance band: z standard errors of a count out of n. */
export function binomialTolerance(n: number, q: number, z: number): number {
  return z * Math.sqrt(n * q * (1 - q));
}
