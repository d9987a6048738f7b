"use client";

import {
  Area,
  AreaChart,
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  ReferenceArea,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Outage } from "@/lib/simulator";
import { AXIS_PROPS, CHART_COLORS, ChartContainer, ChartLegend, GRID_PROPS, TOOLTIP_PROPS, seriesColor } from "@/components/charts/chart-container";
import { formatCompact, formatCount, formatDuration, formatDurationTick, formatPercent } from "@/components/charts/format";
import { SHARE_TICKS, countAxis, durationAxis } from "@/components/charts/ticks";
import type { CumulativeRow, DistributionRow, Series, SeriesRow } from "./shape";

/*
 * The simulator's charts. Each takes rows already shaped by ./shape.ts and only draws them.
 * Time axes use round duration ticks; the share axis runs 0-100%.
 */

const MARGIN = { top: 8, right: 12, bottom: 0, left: 0 };
const Y_WIDTH = 48;

const numberOf = (value: unknown): number => (typeof value === "number" ? value : Number(value));

function shareAxis() {
  return (
    <YAxis {...AXIS_PROPS} width={Y_WIDTH} domain={[0, 1]} ticks={[...SHARE_TICKS]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
  );
}

function timeAxis(maxMs: number) {
  const axis = durationAxis(maxMs);
  return (
    <XAxis
      {...AXIS_PROPS}
      dataKey="tMs"
      type="number"
      domain={axis.domain}
      ticks={axis.ticks}
      tickFormatter={(v: number) => formatDurationTick(v)}
      minTickGap={8}
    />
  );
}

function outageAreas(outages: readonly Outage[]) {
  return outages.map((o) => (
    <ReferenceArea key={`${o.startMs}-${o.endMs}`} x1={o.startMs} x2={o.endMs} fill={CHART_COLORS.outage} fillOpacity={0.45} ifOverflow="hidden" />
  ));
}

function countYAxis(max: number) {
  const axis = countAxis(max);
  return <YAxis {...AXIS_PROPS} width={Y_WIDTH} domain={axis.domain} ticks={axis.ticks} tickFormatter={(v: number) => formatCompact(v)} />;
}

const lastT = (rows: readonly { tMs: number }[]) => rows[rows.length - 1]?.tMs ?? 0;

export function CumulativeChart({ rows }: { rows: readonly CumulativeRow[] }) {
  const final = rows[rows.length - 1];
  return (
    <>
      <ChartLegend
        items={[
          { label: "Simulated", color: CHART_COLORS.primary },
          { label: "Closed form (1 − pᵏ)", color: CHART_COLORS.theory, dashed: true },
        ]}
      />
      <ChartContainer summary={`Share delivered over time since arrival; ${formatPercent(final?.simulated ?? 0)} in the end, closed form ${formatPercent(final?.theory ?? 0)}.`}>
        <LineChart data={rows} margin={MARGIN}>
          <CartesianGrid {...GRID_PROPS} />
          {timeAxis(lastT(rows))}
          {shareAxis()}
          <Tooltip
            {...TOOLTIP_PROPS}
            labelFormatter={(t) => `Within ${formatDuration(numberOf(t))} of arrival`}
            formatter={(value, name) => [formatPercent(numberOf(value)), name]}
          />
          <Line name="Simulated" dataKey="simulated" stroke={CHART_COLORS.primary} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line name="Closed form" dataKey="theory" type="stepAfter" stroke={CHART_COLORS.theory} strokeWidth={1.5} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
        </LineChart>
      </ChartContainer>
    </>
  );
}

export function DistributionChart({ rows }: { rows: readonly DistributionRow[] }) {
  return (
    <>
      <ChartLegend
        items={[
          { label: "Delivered", color: CHART_COLORS.delivered, fill: true },
          { label: "Dead-lettered", color: CHART_COLORS.dead, fill: true },
          { label: "Closed form", color: CHART_COLORS.theory, dashed: true },
        ]}
      />
      <ChartContainer summary={`Deliveries by the number of attempts they took, from 1 to ${rows.length}, with the closed form's expectation.`}>
        <ComposedChart data={rows} margin={MARGIN}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis {...AXIS_PROPS} dataKey="attempts" minTickGap={4} />
          {countYAxis(Math.max(...rows.map((r) => Math.max(r.delivered + r.deadLettered, r.expected))))}
          <Tooltip
            {...TOOLTIP_PROPS}
            cursor={{ fill: CHART_COLORS.cursor }}
            labelFormatter={(k) => (numberOf(k) === 1 ? "1 attempt" : `${k} attempts`)}
            formatter={(value, name) => [formatCount(Math.round(numberOf(value))), name]}
          />
          <Bar name="Delivered" dataKey="delivered" stackId="n" fill={CHART_COLORS.delivered} maxBarSize={48} isAnimationActive={false} />
          <Bar name="Dead-lettered" dataKey="deadLettered" stackId="n" fill={CHART_COLORS.dead} maxBarSize={48} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line name="Closed form" dataKey="expected" stroke={CHART_COLORS.theory} strokeDasharray="5 4" strokeWidth={1.5} dot={{ r: 2.5, fill: CHART_COLORS.theory }} isAnimationActive={false} />
        </ComposedChart>
      </ChartContainer>
    </>
  );
}

export interface LoadChartProps {
  rows: readonly { tMs: number; perMinute: number }[];
  bucketMs: number;
  outages: readonly Outage[];
}

export function LoadChart({ rows, bucketMs, outages }: LoadChartProps) {
  const peak = rows.reduce((max, r) => Math.max(max, r.perMinute), 0);
  return (
    <>
      <ChartLegend
        items={[
          { label: "Attempts per minute", color: CHART_COLORS.primary, fill: true },
          ...(outages.length > 0 ? [{ label: "Outage", color: CHART_COLORS.outage, fill: true }] : []),
        ]}
      />
      <ChartContainer summary={`Attempts per minute against the endpoint over the simulated time; peak ${formatCount(Math.round(peak))} per minute.`}>
        <AreaChart data={rows} margin={MARGIN}>
          <CartesianGrid {...GRID_PROPS} />
          {timeAxis(lastT(rows) + bucketMs)}
          {countYAxis(peak)}
          {outageAreas(outages)}
          <Tooltip
            {...TOOLTIP_PROPS}
            labelFormatter={(t) => `${formatDuration(numberOf(t))} – ${formatDuration(numberOf(t) + bucketMs)}`}
            formatter={(value) => [`${formatCount(Math.round(numberOf(value)))} / min`, "Attempts"]}
          />
          <Area
            name="Attempts per minute"
            dataKey="perMinute"
            type="stepAfter"
            stroke={CHART_COLORS.primary}
            strokeWidth={1.5}
            fill={CHART_COLORS.primary}
            fillOpacity={0.15}
            isAnimationActive={false}
          />
        </AreaChart>
      </ChartContainer>
    </>
  );
}

export interface SeriesChartProps {
  series: readonly Series[];
  rows: readonly SeriesRow[];
  kind: "share" | "load";
  bucketMs?: number;
  outages?: readonly Outage[];
}

/** Compared policies as one line each, on the shared axes compare() gives them. */
export function SeriesChart({ series, rows, kind, bucketMs = 0, outages = [] }: SeriesChartProps) {
  const share = kind === "share";
  return (
    <>
      <ChartLegend items={series.map((s, i) => ({ label: s.label, color: seriesColor(i) }))} />
      <ChartContainer
        summary={share ? `Share delivered over time for ${series.length} policies.` : `Attempts per minute against the endpoint for ${series.length} policies.`}
      >
        <LineChart data={rows} margin={MARGIN}>
          <CartesianGrid {...GRID_PROPS} />
          {timeAxis(lastT(rows) + bucketMs)}
          {share ? shareAxis() : countYAxis(Math.max(0, ...rows.flatMap((row) => series.map((s) => row[s.key]))))}
          {share ? null : outageAreas(outages)}
          <Tooltip
            {...TOOLTIP_PROPS}
            labelFormatter={(t) =>
              share ? `Within ${formatDuration(numberOf(t))} of arrival` : `${formatDuration(numberOf(t))} – ${formatDuration(numberOf(t) + bucketMs)}`
            }
            formatter={(value, name) => [share ? formatPercent(numberOf(value)) : `${formatCount(Math.round(numberOf(value)))} / min`, name]}
          />
          {series.map((s, i) => (
            <Line
              key={s.key}
              name={s.label}
              dataKey={s.key}
              type={share ? "linear" : "stepAfter"}
              stroke={seriesColor(i)}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ChartContainer>
    </>
  );
}
