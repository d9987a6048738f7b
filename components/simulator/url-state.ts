import { DEFAULT_RETRY_POLICY, JITTER_MODES, type JitterMode, type RetryPolicy } from "@/lib/retry";
import { toLocalInput, type BacktestFormValues } from "./backtest-form-schema";
import { DEFAULT_SCENARIO, MAX_VARIANTS, defaultVariant, type SimulatorFormValues, type VariantFormValues } from "./form-schema";

/*
 * The simulator's settings live in the query string so a view can be shared and survives a
 * reload. Short keys keep links readable:
 *   ?fail=20&timeout=5&resp=100&n=10000&seed=1&window=60&outage=10-25
 *   &p=Policy A~5~1000~300000~2~0.1~proportional~30000     (repeated per compared policy)
 *   &tab=backtest&ep=<endpoint>&from=<ISO>&to=<ISO>&bp=5~1000~...&bseed=1
 * Decoding never throws: a missing value takes its default, a malformed number stays NaN so
 * the form shows the field's message instead of silently running something else.
 */

export const TABS = ["simulate", "backtest"] as const;
export type SimulatorTab = (typeof TABS)[number];

const SIMULATION_KEYS = ["fail", "timeout", "resp", "n", "seed", "window", "outage", "p"] as const;
const BACKTEST_KEYS = ["ep", "from", "to", "bp", "bseed"] as const;
const SEP = "~";

function numberParam(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  return value.trim() === "" ? Number.NaN : Number(value);
}

function encodePolicy(p: RetryPolicy): string {
  return [p.maxAttempts, p.initialDelayMs, p.maxDelayMs, p.exponentialBase, p.jitter, p.jitterMode, p.timeoutMs].join(SEP);
}

const POLICY_PARTS = 7;

function decodePolicy(parts: string[]): RetryPolicy {
  const d = DEFAULT_RETRY_POLICY;
  const [maxAttempts, initialDelayMs, maxDelayMs, base, jitter, mode, timeoutMs] = parts;
  return {
    maxAttempts: numberParam(maxAttempts ?? null, d.maxAttempts),
    initialDelayMs: numberParam(initialDelayMs ?? null, d.initialDelayMs),
    maxDelayMs: numberParam(maxDelayMs ?? null, d.maxDelayMs),
    exponentialBase: numberParam(base ?? null, d.exponentialBase),
    jitter: numberParam(jitter ?? null, d.jitter),
    jitterMode: (JITTER_MODES as readonly string[]).includes(mode ?? "") ? (mode as JitterMode) : d.jitterMode,
    timeoutMs: numberParam(timeoutMs ?? null, d.timeoutMs),
  };
}

/** The label may itself hold the separator: the policy is always the last seven parts. */
function decodeVariant(value: string, index: number): VariantFormValues {
  const parts = value.split(SEP);
  const label = parts.slice(0, Math.max(0, parts.length - POLICY_PARTS)).join(SEP);
  return { label: label || defaultVariant(index).label, policy: decodePolicy(parts.slice(-POLICY_PARTS)) };
}

export function encodeSimulation(values: SimulatorFormValues): [string, string][] {
  const s = values.scenario;
  const entries: [string, string][] = [
    ["fail", String(s.failureRatePct)],
    ["timeout", String(s.timeoutRatePct)],
    ["resp", String(s.responseTimeMs)],
    ["n", String(s.deliveries)],
    ["seed", String(s.seed)],
    ["window", String(s.arrivalWindowMin)],
  ];
  if (s.outage.enabled) entries.push(["outage", `${s.outage.startMin}-${s.outage.endMin}`]);
  for (const v of values.variants) entries.push(["p", `${v.label}${SEP}${encodePolicy(v.policy)}`]);
  return entries;
}

export interface Decoded<T> {
  values: T;
  /** True when the URL holds settings of this kind, i.e. a run was asked for. */
  committed: boolean;
}

export function decodeSimulation(params: URLSearchParams): Decoded<SimulatorFormValues> {
  const d = DEFAULT_SCENARIO;
  const outage = params.get("outage");
  const [start, end] = outage === null ? [] : outage.split("-");
  const variants = params.getAll("p").slice(0, MAX_VARIANTS).map(decodeVariant);
  const committed = SIMULATION_KEYS.some((key) => params.has(key));
  return {
    values: {
      scenario: {
        failureRatePct: numberParam(params.get("fail"), d.failureRatePct),
        timeoutRatePct: numberParam(params.get("timeout"), d.timeoutRatePct),
        responseTimeMs: numberParam(params.get("resp"), d.responseTimeMs),
        deliveries: numberParam(params.get("n"), d.deliveries),
        seed: numberParam(params.get("seed"), d.seed),
        arrivalWindowMin: numberParam(params.get("window"), d.arrivalWindowMin),
        outage:
          outage === null
            ? { ...d.outage, enabled: committed ? false : d.outage.enabled }
            : { enabled: true, startMin: numberParam(start ?? "", Number.NaN), endMin: numberParam(end ?? "", Number.NaN) },
      },
      variants: variants.length > 0 ? variants : [defaultVariant(0)],
    },
    committed,
  };
}

export function encodeBacktest(values: BacktestFormValues): [string, string][] {
  return [
    ["ep", values.endpointId],
    ["from", new Date(values.since).toISOString()],
    ["to", new Date(values.until).toISOString()],
    ["bp", encodePolicy(values.policy)],
    ["bseed", String(values.seed)],
  ];
}

function localFromIso(value: string | null, fallback: string): string {
  if (value === null) return fallback;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? "" : toLocalInput(ms);
}

export function decodeBacktest(params: URLSearchParams, defaults: BacktestFormValues): Decoded<BacktestFormValues> {
  const policy = params.get("bp");
  return {
    values: {
      endpointId: params.get("ep") ?? defaults.endpointId,
      since: localFromIso(params.get("from"), defaults.since),
      until: localFromIso(params.get("to"), defaults.until),
      policy: policy === null ? defaults.policy : decodePolicy(policy.split(SEP)),
      seed: numberParam(params.get("bseed"), defaults.seed),
    },
    committed: params.has("ep"),
  };
}

export function decodeTab(params: URLSearchParams): SimulatorTab {
  const tab = params.get("tab");
  return tab === "backtest" ? "backtest" : "simulate";
}

/**
 * The query string with one kind of settings replaced and every other parameter kept, so
 * running a backtest does not forget the simulation next to it (and the reverse).
 */
export function replaceParams(
  current: URLSearchParams,
  kind: "simulation" | "backtest" | "tab",
  entries: [string, string][],
): string {
  const keys: readonly string[] = kind === "simulation" ? SIMULATION_KEYS : kind === "backtest" ? BACKTEST_KEYS : ["tab"];
  const next = new URLSearchParams();
  for (const [key, value] of current) if (!keys.includes(key)) next.append(key, value);
  for (const [key, value] of entries) next.append(key, value);
  return next.toString();
}
