"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_PROPS, CHART_COLORS, ChartContainer, ChartLegend, TOOLTIP_PROPS } from "@/components/charts/chart-container";
import { formatCompact, formatCount } from "@/components/charts/format";
import { countAxis } from "@/components/charts/ticks";
import { reasonChartSummary, type ReasonBar } from "./shape";

/** Amber repeats the "pending" badge: what still needs an operator; slate is everything that ever failed. */
export const REASON_COLORS = { total: "#94a3b8", pending: "#d97706" } as const;

const SERIES = [
  { key: "total", label: "All letters", color: REASON_COLORS.total },
  { key: "pending", label: "Pending", color: REASON_COLORS.pending },
] as const;

const numberOf = (value: unknown): number => (typeof value === "number" ? value : Number(value));

export interface ReasonChartProps {
  bars: readonly ReasonBar[];
  /** Clicking a reason's bars filters the list by it. */
  onSelect?: (reason: string) => void;
}

/** Letters per failure reason, total beside pending: horizontal, so the reason names stay readable on a phone. */
export function ReasonChart({ bars, onSelect }: ReasonChartProps) {
  // Whole letters only: a count axis from 0 with at least 4 steps never shows "0.5".
  const x = countAxis(Math.max(4, ...bars.map((b) => b.total)), 4);
  return (
    <>
      <ChartLegend items={SERIES.map((s) => ({ label: s.label, color: s.color, fill: true }))} />
      <ChartContainer height={Math.max(220, bars.length * 64 + 40)} summary={reasonChartSummary(bars)}>
        <BarChart data={bars as ReasonBar[]} layout="vertical" margin={{ top: 0, right: 36, bottom: 0, left: 0 }} barGap={2} barCategoryGap="24%">
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis {...AXIS_PROPS} type="number" domain={x.domain} ticks={x.ticks} allowDecimals={false} tickFormatter={(v: number) => formatCompact(v)} />
          <YAxis {...AXIS_PROPS} type="category" dataKey="label" width={150} tick={{ ...AXIS_PROPS.tick, fill: CHART_COLORS.label }} />
          <Tooltip
            {...TOOLTIP_PROPS}
            cursor={{ fill: CHART_COLORS.cursor }}
            formatter={(value, name) => [formatCount(numberOf(value)), name]}
          />
          {SERIES.map((s) => (
            <Bar
              key={s.key}
              name={s.label}
              dataKey={s.key}
              fill={s.color}
              radius={[0, 3, 3, 0]}
              maxBarSize={18}
              isAnimationActive={false}
              cursor={onSelect ? "pointer" : undefined}
              onClick={onSelect ? (entry: { payload?: ReasonBar }) => entry.payload && onSelect(entry.payload.reason) : undefined}
            >
              <LabelList dataKey={s.key} position="right" fontSize={11} fill={CHART_COLORS.label} formatter={(v: unknown) => formatCount(numberOf(v))} />
            </Bar>
          ))}
        </BarChart>
      </ChartContainer>
    </>
  );
}
