"use client";

import { clsx } from "clsx";
import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/*
 * One look for every chart: colours, axis and grid styling, tooltip box, and an HTML legend
 * (it wraps on narrow screens where recharts' SVG legend would overlap the plot). Greys are
 * the theme's CSS variables, so axes, grid and tooltip follow dark mode; series keep their
 * hues, which read on both backgrounds.
 */

export const CHART_COLORS = {
  primary: "#2359d6",
  theory: "var(--color-slate-500)",
  dead: "#dc2626",
  delivered: "#2359d6",
  grid: "var(--color-slate-200)",
  axis: "var(--color-slate-500)",
  /** The band behind the bars under the pointer. */
  cursor: "var(--color-slate-100)",
  /** Names and values written beside bars. */
  label: "var(--color-slate-600)",
  outage: "#fecaca",
} as const;

/** Compared series, in order; distinguishable for the common colour-vision deficiencies. */
export const SERIES_COLORS = ["#2359d6", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2"] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

export const AXIS_PROPS = {
  tick: { fontSize: 12, fill: CHART_COLORS.axis },
  tickLine: false,
  axisLine: { stroke: CHART_COLORS.grid },
} as const;

export const GRID_PROPS = { stroke: CHART_COLORS.grid, strokeDasharray: "3 3", vertical: false } as const;

export const TOOLTIP_PROPS = {
  contentStyle: {
    borderRadius: 8,
    border: "1px solid var(--color-slate-200)",
    backgroundColor: "var(--color-white)",
    boxShadow: "0 4px 12px rgb(15 23 42 / 0.08)",
    fontSize: 12,
    padding: "8px 10px",
  },
  labelStyle: { color: "var(--color-slate-900)", fontWeight: 600, marginBottom: 4 },
  itemStyle: { padding: 0 },
} as const;

export interface LegendItem {
  label: string;
  color: string;
  /** Drawn as a dashed line: a reference (the closed form) rather than a measurement. */
  dashed?: boolean;
  /** Drawn as a filled square: bars and areas. */
  fill?: boolean;
}

export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {items.map((item) => (
        <li key={item.label} className="flex min-w-0 items-center gap-1.5">
          {item.fill ? (
            <span className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: item.color }} aria-hidden />
          ) : (
            <span className="w-4 shrink-0 border-t-2" style={{ borderColor: item.color, borderStyle: item.dashed ? "dashed" : "solid" }} aria-hidden />
          )}
          <span className="truncate">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A fixed-height box the chart fills at any width. `summary` is what a screen reader hears
 * instead of the drawing, so it should state the chart's point in words.
 */
export function ChartContainer({ summary, height = 260, className, children }: { summary: string; height?: number; className?: string; children: ReactElement }) {
  return (
    <div role="img" aria-label={summary} className={clsx("w-full min-w-0", className)} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
