import { z } from "zod";
import { DEFAULT_RETRY_POLICY, retryPolicySchema } from "@/lib/retry";
import { SIMULATION_LIMITS } from "@/lib/simulator";
import { backtestRequestSchema, type BacktestRequestRaw } from "@/lib/simulator/backtest-request";

/*
 * The backtest form takes the period as the browser's local date and time (what a
 * datetime-local input gives); the request carries it as an ISO instant. The API schema
 * runs on the converted request and its messages are shown on the matching fields.
 */

function localDateTime(message: string) {
  return z.string({ error: message }).refine((value) => value !== "" && !Number.isNaN(Date.parse(value)), { error: message });
}

export const backtestFormSchema = z
  .object({
    endpointId: backtestRequestSchema.shape.endpointId,
    since: localDateTime("Choose when the period starts"),
    until: localDateTime("Choose when the period ends"),
    policy: retryPolicySchema,
    seed: backtestRequestSchema.shape.seed.unwrap(),
  })
  .check((payload) => {
    if (payload.issues.length > 0) return;
    const parsed = backtestRequestSchema.safeParse(toBacktestRequest(payload.value));
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      payload.issues.push({ code: "custom", path: [...issue.path], message: issue.message, input: undefined });
    }
  });

export type BacktestFormInput = z.input<typeof backtestFormSchema>;
export type BacktestFormValues = z.output<typeof backtestFormSchema>;

export function toBacktestRequest(values: BacktestFormValues): BacktestRequestRaw {
  return {
    endpointId: values.endpointId,
    since: new Date(values.since).toISOString(),
    until: new Date(values.until).toISOString(),
    policy: values.policy,
    seed: values.seed,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The value a datetime-local input shows for an instant, in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const BACKTEST_RANGES = [
  { label: "Last hour", ms: 3_600_000 },
  { label: "24 hours", ms: 86_400_000 },
  { label: "7 days", ms: 7 * 86_400_000 },
  { label: "30 days", ms: 30 * 86_400_000 },
] as const;

/** The last `rangeMs` up to the next whole minute, so "now" is inside the period. */
export function periodEndingNow(rangeMs: number, now: number): { since: string; until: string } {
  const end = Math.ceil((now + 1) / 60_000) * 60_000;
  return { since: toLocalInput(end - rangeMs), until: toLocalInput(end) };
}

export function defaultBacktestValues(now: number): BacktestFormValues {
  return { endpointId: "", ...periodEndingNow(86_400_000, now), policy: { ...DEFAULT_RETRY_POLICY }, seed: SIMULATION_LIMITS.defaultSeed };
}
