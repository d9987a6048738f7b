"use client";

import { SearchX } from "lucide-react";
import type { BacktestReport } from "@/lib/simulator/backtest-history";
import { formatCount, formatDuration, formatDurationChange } from "@/components/charts/format";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DateTime, RelativeTime } from "@/components/ui/relative-time";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th } from "@/components/ui/table";
import { JITTER_MODE_LABELS } from "./policy-fields";

function describePolicy(p: BacktestReport["currentPolicy"]): string {
  return `${p.maxAttempts} attempts, ${formatDuration(p.initialDelayMs)} growing ×${p.exponentialBase} up to ${formatDuration(p.maxDelayMs)}, ${JITTER_MODE_LABELS[p.jitterMode].toLowerCase()} jitter`;
}

function Verdict({ verdict }: { verdict: "rescued" | "lost" | string }) {
  return verdict === "rescued" ? <Badge tone="success">Rescued</Badge> : <Badge tone="danger">Lost</Badge>;
}

export function BacktestResults({ report }: { report: BacktestReport }) {
  const { summary, history, currentPolicy } = report;
  if (!summary) {
    return (
      <EmptyState icon={SearchX} title="Nothing recorded in this period">
        {report.endpoint.url} has no delivery attempts between <DateTime at={report.period.since} /> and <DateTime at={report.period.until} />. Pick a
        longer period, or send it some traffic first.
      </EmptyState>
    );
  }
  const change = summary.timeToDeliveryChangeMs;
  const attemptsDelta = summary.totalAttemptsCandidate - summary.totalAttemptsOriginal;
  const attemptsChange = summary.totalAttemptsOriginal > 0 ? Math.round((attemptsDelta / summary.totalAttemptsOriginal) * 100) : 0;

  return (
    <div className="flex flex-col gap-4">
      {history.capped ? (
        <Alert tone="warning" title="Only part of the period was replayed">
          It holds more than {formatCount(history.limits.maxDeliveries)} deliveries or {formatCount(history.limits.maxRecordedAttempts)} attempts: the
          backtest covers the latest {formatCount(history.deliveries)} deliveries, from {history.coveredFrom ? <DateTime at={history.coveredFrom} /> : "—"}.
        </Alert>
      ) : null}
      <p className="text-sm text-slate-600">
        {formatCount(history.deliveries)} deliveries and {formatCount(history.attempts)} recorded attempts to{" "}
        <span className="font-medium text-slate-800">{report.endpoint.url}</span>, replayed under the candidate. Today it follows{" "}
        <span className="font-medium text-slate-800">{currentPolicy.name}</span> ({describePolicy(currentPolicy)}).
      </p>

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-3" aria-label="Backtest summary">
        <Stat label="Rescued" value={formatCount(summary.rescued)} detail={`of ${formatCount(summary.originallyDead)} dead letters`} tone={summary.rescued > 0 ? "success" : "neutral"} />
        <Stat label="Lost" value={formatCount(summary.lost)} detail="delivered before, dead now" tone={summary.lost > 0 ? "danger" : "neutral"} />
        <Stat label="Delivered" value={formatCount(summary.candidateDelivered)} detail={`recorded ${formatCount(summary.originallyDelivered)}`} />
        <Stat
          label="Time to deliver"
          value={change ? formatDurationChange(change.median) : "—"}
          detail={change ? `median; mean ${formatDurationChange(change.mean)}` : "nothing delivered both ways"}
        />
        <Stat
          label="Rescued after"
          value={summary.rescuedDeliveredAfterMs ? formatDuration(summary.rescuedDeliveredAfterMs.median) : "—"}
          detail={summary.rescuedDeliveredAfterMs ? "median, from creation" : "none rescued"}
        />
        <Stat
          label="Attempts"
          value={formatCount(summary.totalAttemptsCandidate)}
          detail={`recorded ${formatCount(summary.totalAttemptsOriginal)}${attemptsDelta === 0 ? "" : ` · ${attemptsChange > 0 ? "+" : ""}${attemptsChange}% load`}`}
          tone={attemptsChange > 50 ? "warning" : "neutral"}
        />
      </div>

      {summary.extrapolatedAttempts > 0 ? (
        <Alert tone="info">
          {formatCount(summary.extrapolatedAttempts)} candidate attempts fall after the last recorded attempt; their outcome is assumed to be that of
          the nearest one recorded.
        </Alert>
      ) : null}

      <Card
        title="Deliveries that change"
        level={3}
        description={
          report.changesTotal === 0
            ? "The candidate ends every delivery the way it ended."
            : report.changes.length < report.changesTotal
              ? `The newest ${report.changes.length} of ${formatCount(report.changesTotal)}; attempts read recorded → candidate.`
              : "Newest first; attempts read recorded → candidate."
        }
        bodyClassName={report.changes.length > 0 ? "px-4 pb-2 pt-1 sm:px-5" : undefined}
      >
        {report.changes.length === 0 ? (
          <p className="text-sm text-slate-500">No delivery is rescued or lost.</p>
        ) : (
          <Table caption="Deliveries the candidate policy would end differently">
            <thead>
              <tr>
                <Th>Created</Th>
                <Th>Change</Th>
                <Th align="right">Attempts</Th>
                <Th>Under the candidate</Th>
              </tr>
            </thead>
            <tbody>
              {report.changes.map((d) => (
                <tr key={d.deliveryId}>
                  <Td>
                    <RelativeTime at={d.createdAt} />
                  </Td>
                  <Td>
                    <Verdict verdict={d.verdict} />
                  </Td>
                  <Td align="right">
                    {d.originalAttempts} → {d.candidateAttempts}
                  </Td>
                  <Td wrap className="min-w-56 text-slate-600">
                    {d.candidateDeliveredAfterMs !== null
                      ? `Delivered ${formatDuration(d.candidateDeliveredAfterMs)} after creation`
                      : `Dead: ${d.candidateReason ?? "gave up"}`}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
