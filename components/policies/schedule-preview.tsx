"use client";

import { clsx } from "clsx";
import { Timer } from "lucide-react";
import type { RetryPolicy } from "@/lib/retry/policy";
import { formatDuration } from "@/components/charts/format";
import { Card } from "@/components/ui/card";
import { formatBand, giveUpSummary, jitterSummary } from "./format";
import { chartPoints, policyPreview, type PreviewAttempt } from "./preview";
import { ScheduleChart } from "./schedule-chart";

function AttemptRow({ row }: { row: PreviewAttempt }) {
  return (
    <tr className="border-b border-slate-100 last:border-0">
      <th scope="row" className="py-1.5 pr-3 text-left font-normal tabular-nums text-slate-600">
        {row.attempt}
      </th>
      <td className="py-1.5 pr-3 text-right tabular-nums text-slate-800">{row.wait ? formatBand(row.wait.minMs, row.wait.maxMs) : <span className="text-slate-500">—</span>}</td>
      <td className="py-1.5 text-right tabular-nums text-slate-800">{row.wait ? formatBand(row.startsAt.minMs, row.startsAt.maxMs) : "at once"}</td>
    </tr>
  );
}

/** "~31 s" without jitter (request time comes on top), "28–34 s" with it. */
export function giveUpText(policy: RetryPolicy): string {
  const { giveUp, jittered } = policyPreview(policy);
  return jittered ? giveUpSummary(giveUp) : `~${giveUpSummary(giveUp)}`;
}

/**
 * What the policy does, recomputed on every keystroke from the same pure functions the
 * worker schedules with. While a field is invalid it keeps showing the last valid settings,
 * dimmed, so the picture does not jump away while the operator types.
 */
export function SchedulePreview({ policy, stale }: { policy: RetryPolicy; stale: boolean }) {
  const preview = policyPreview(policy);
  const points = chartPoints(preview);
  const retries = policy.maxAttempts - 1;
  const worstCase = preview.giveUp.maxMs + preview.requestBudgetMs;

  return (
    <Card
      title="Schedule preview"
      description={`${policy.maxAttempts} attempt${policy.maxAttempts === 1 ? "" : "s"}, ${jitterSummary(policy)}`}
      aria-label="Schedule preview"
    >
      {stale ? <p className="mb-3 text-xs font-medium text-amber-700">Showing the last valid settings: fix the highlighted field to update the preview.</p> : null}
      <div className={clsx("transition-opacity", stale && "opacity-50")}>
        <div aria-live="polite" className="flex items-start gap-3 rounded-lg bg-brand-50 px-4 py-3">
          <Timer className="mt-0.5 h-5 w-5 shrink-0 text-brand-600" aria-hidden />
          <div className="min-w-0">
            <p className="text-sm text-slate-700">
              {retries === 0 ? (
                "One attempt, no retries: a failure goes straight to the dead letter queue."
              ) : (
                <>
                  Gives up after{" "}
                  <span data-testid="give-up" className="text-lg font-semibold text-slate-900">
                    {giveUpText(policy)}
                  </span>
                </>
              )}
            </p>
            {retries > 0 ? (
              <p className="mt-0.5 text-xs text-slate-600">
                {retries} retr{retries === 1 ? "y" : "ies"} after the first attempt; each attempt may also run up to its {formatDuration(policy.timeoutMs)} timeout, so at most{" "}
                {formatDuration(worstCase)} in all.
              </p>
            ) : null}
          </div>
        </div>

        {points.length > 0 ? (
          <div className="mt-4">
            <ScheduleChart points={points} jittered={preview.jittered} />
          </div>
        ) : null}

        <div role="region" className="mt-4 max-h-72 overflow-y-auto rounded-md border border-slate-100 px-3" tabIndex={0} aria-label="Attempts, waits and start times">
          <table className="w-full text-sm">
            <caption className="sr-only">Each attempt, the wait before it and when it starts after the first attempt</caption>
            <thead className="sticky top-0 bg-white">
              <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <th scope="col" className="py-2 pr-3 text-left font-medium">
                  Attempt
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  Waits
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Starts after
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.attempts.map((row) => (
                <AttemptRow key={row.attempt} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}
