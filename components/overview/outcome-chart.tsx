"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { OverviewSeriesPoint } from "@/lib/overview/get-overview";
import { AXIS_PROPS, CHART_COLORS, ChartContainer, ChartLegend, GRID_PROPS, TOOLTIP_PROPS } from "@/components/charts/chart-container";
import { formatCompact, formatCount } from "@/components/charts/format";
import { countAxis } from "@/components/charts/ticks";
import { formatBucket, formatTick, seriesTotals, timeTicks, WINDOW_LABELS, type OverviewWindow } from "./shape";

/** Outcome colours: green reads as done, amber as "will be tried again", red as given up. */
const OUTCOME_COLORS = { succeeded: "#059669", retried: "#d97706", dead: CHART_COLORS.dead } as const;

const SERIES = [
  { key: "succeeded", label: "Succeeded", color: OUTCOME_COLORS.succeeded },
  { key: "retried", label: "Failed, retried", color: OUTCOME_COLORS.retried },
  { key: "dead", label: "Failed, gave up", color: OUTCOME_COLORS.dead },
] as const;

const numberOf = (value: unknown): number => (typeof value === "number" ? value : Number(value));

export interface OutcomeChartProps {
  series: readonly OverviewSeriesPoint[];
  bucketMs: number;
  range: OverviewWindow;
}

/** Delivery attempts per time bucket, stacked by what came of them. */
export function OutcomeChart({ series, bucketMs, range }: OutcomeChartProps) {
  const totals = seriesTotals(series);
  const start = series[0]?.t ?? 0;
  const end = (series[series.length - 1]?.t ?? 0) + bucketMs;
  const peak = series.reduce((max, p) => Math.max(max, p.succeeded + p.retried + p.dead), 0);
  const y = countAxis(peak, 4);
  return (
    <>
      <ChartLegend items={SERIES.map((s) => ({ label: `${s.label} (${formatCount(totals[s.key])})`, color: s.color, fill: true }))} />
      <ChartContainer
        height={240}
        summary={`Delivery attempts over the ${WINDOW_LABELS[range].span}: ${formatCount(totals.succeeded)} succeeded, ${formatCount(totals.retried)} failed and were retried, ${formatCount(totals.dead)} failed for good.`}
      >
        <BarChart data={series as OverviewSeriesPoint[]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis
            {...AXIS_PROPS}
            dataKey="t"
            type="number"
            scale="time"
            domain={[start, end]}
            ticks={timeTicks(start, end, range)}
            tickFormatter={(t: number) => formatTick(t, range)}
            padding={{ left: 6, right: 6 }}
          />
          <YAxis {...AXIS_PROPS} width={40} domain={y.domain} ticks={y.ticks} allowDecimals={false} tickFormatter={(v: number) => formatCompact(v)} />
          <Tooltip
            {...TOOLTIP_PROPS}
            cursor={{ fill: CHART_COLORS.cursor }}
            labelFormatter={(t) => formatBucket(numberOf(t), bucketMs, range)}
            formatter={(value, name) => [formatCount(numberOf(value)), name]}
          />
          {SERIES.map((s) => (
            <Bar key={s.key} name={s.label} dataKey={s.key} stackId="outcome" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartContainer>
    </>
  );
}
