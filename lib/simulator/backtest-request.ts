import { z } from "zod";
import { retryPolicySchema } from "@/lib/retry";
import { backtestInputSchema } from "./schema";

/*
 * What POST /api/simulate/backtest accepts. Kept apart from backtest-history.ts, which reads
 * the database, so the dashboard's form can validate with this very schema.
 */

function instant(name: string) {
  const message = `${name} must be a date and time with a zone (ISO 8601, e.g. 2026-03-01T10:00:00Z) or epoch milliseconds`;
  return z
    .union([z.iso.datetime({ offset: true, error: message }), z.number().int({ error: message }).min(0, { error: message })], {
      error: message,
    })
    .transform((value) => (typeof value === "number" ? value : Date.parse(value)));
}

export const BACKTEST_PERIOD_MESSAGE = "The period must end after it starts";

export const backtestRequestSchema = z
  .object({
    endpointId: z.string({ error: "Choose an endpoint" }).trim().min(1, { error: "Choose an endpoint" }),
    since: instant("Since"),
    until: instant("Until"),
    policy: retryPolicySchema,
    seed: backtestInputSchema.shape.seed,
  })
  .refine((r) => r.until > r.since, {
    path: ["until"],
    error: BACKTEST_PERIOD_MESSAGE,
    when: (payload) => payload.issues.length === 0,
  });

export type BacktestRequest = z.output<typeof backtestRequestSchema>;
export type BacktestRequestRaw = z.input<typeof backtestRequestSchema>;
