"use client";

import { clsx } from "clsx";
import { useMemo } from "react";
import type { CompareResponse } from "@/components/api/simulator-hooks";
import { seriesColor } from "@/components/charts/chart-container";
import { formatCount, formatDuration, formatMean, formatPercent } from "@/components/charts/format";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { SeriesChart } from "./charts";
import { bestRows, comparisonCharts, comparisonRows, type ComparisonRow } from "./shape";

interface Metric {
  label: string;
  value: (row: ComparisonRow) => number | null;
  format: (value: number) => string;
  better?: "higher" | "lower";
}

const METRICS: Metric[] = [
  { label: "Success rate", value: (r) => r.successRate, format: formatPercent, better: "higher" },
  { label: "Closed form", value: (r) => r.theorySuccessRate, format: formatPercent },
  { label: "Dead-lettered", value: (r) => r.deadLettered, format: formatCount, better: "lower" },
  { label: "Mean attempts", value: (r) => r.meanAttempts, format: formatMean, better: "lower" },
  { label: "p50 to deliver", value: (r) => r.p50Ms, format: formatDuration, better: "lower" },
  { label: "p95 to deliver", value: (r) => r.p95Ms, format: formatDuration, better: "lower" },
  { label: "p99 to deliver", value: (r) => r.p99Ms, format: formatDuration, better: "lower" },
  { label: "Peak load / min", value: (r) => r.peakPerMinute, format: (v) => formatCount(Math.round(v)), better: "lower" },
  { label: "Attempts in all", value: (r) => r.totalAttempts, format: formatCount, better: "lower" },
];

/** One column per policy: at most four fit side by side where eight metric columns would not. */
function ComparisonTable({ rows }: { rows: ComparisonRow[] }) {
  return (
    <Table caption="Policies compared on the same failures; the best value of each row is in bold.">
      <thead>
        <tr>
          <Th>
            <span className="sr-only">Metric</span>
          </Th>
          {rows.map((row, i) => (
            <Th key={row.label} align="right" caps={false} className="max-w-40 truncate">
              <span className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full align-middle" style={{ background: seriesColor(i) }} aria-hidden />
              {row.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {METRICS.map((metric) => {
          const best = metric.better ? bestRows(rows, metric.value, metric.better) : [];
          return (
            <tr key={metric.label}>
              <Th scope="row">
                {metric.label}
              </Th>
              {rows.map((row, i) => {
                const value = metric.value(row);
                return (
                  <Td key={row.label} align="right" className={clsx(best.includes(i) && "font-semibold text-slate-900")}>
                    {value === null ? "—" : metric.format(value)}
                  </Td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

export function ComparisonResults({ input, results }: CompareResponse) {
  const charts = useMemo(() => comparisonCharts(results), [results]);
  const rows = useMemo(() => comparisonRows(results), [results]);
  const bucketMs = results[0]?.result.bucketMs ?? 0;
  return (
    <div className="flex flex-col gap-4">
      <Card
        title="Side by side"
        level={3}
        description={`${formatCount(input.deliveries)} deliveries each, seed ${input.seed}: every policy meets the same failure on the same attempt.`}
        bodyClassName="px-4 pb-2 pt-1 sm:px-5"
      >
        <ComparisonTable rows={rows} />
      </Card>
      {input.outages.length > 0 ? (
        <Alert tone="info">The closed-form row assumes independent failures; the outage is not in it.</Alert>
      ) : null}
      <Card title="Delivered over time" description="Share of all deliveries delivered within a given time of their arrival." level={3}>
        <SeriesChart kind="share" series={charts.series} rows={charts.cumulative} />
      </Card>
      <Card title="Endpoint load" description="Attempts per minute on the simulated clock (0 = first arrival)." level={3}>
        <SeriesChart kind="load" series={charts.series} rows={charts.load} bucketMs={bucketMs} outages={input.outages} />
      </Card>
    </div>
  );
}
