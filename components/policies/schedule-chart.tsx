"use client";

import { clsx } from "clsx";
import { useState } from "react";
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { AXIS_PROPS, CHART_COLORS, ChartContainer, ChartLegend, GRID_PROPS } from "@/components/charts/chart-container";
import { formatDuration, formatDurationTick } from "@/components/charts/format";
import { durationAxis } from "@/components/charts/ticks";
import { formatBand } from "./format";
import type { ChartPoint } from "./preview";

const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
const Y_WIDTH = 64;
const BAND_COLOR = "#93b4f5";

type View = "wait" | "elapsed";

const VIEWS: { id: View; label: string }[] = [
  { id: "wait", label: "Wait before each retry" },
  { id: "elapsed", label: "Time since first attempt" },
];

function PointTooltip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const point = active ? (payload?.[0]?.payload as ChartPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-2.5 py-2 text-xs shadow-lg">
      <p className="font-semibold text-slate-900">Attempt {point.attempt}</p>
      <p className="mt-0.5 text-slate-600">
        Waits <span className="font-medium text-slate-900">{formatBand(point.low, point.high)}</span>
      </p>
      <p className="text-slate-600">
        Starts <span className="font-medium text-slate-900">{formatBand(point.startsAt[0], point.startsAt[1])}</span> after the first
      </p>
    </div>
  );
}

function yAxis(maxMs: number) {
  const axis = durationAxis(maxMs, 4);
  return <YAxis {...AXIS_PROPS} width={Y_WIDTH} domain={axis.domain} ticks={axis.ticks} tickFormatter={(v: number) => formatDurationTick(v)} />;
}

/**
 * The schedule drawn two ways: the wait before each retry as a bar whose pale top is the
 * jitter band, or the time since the first attempt as a band that widens with jitter.
 */
export function ScheduleChart({ points, jittered }: { points: ChartPoint[]; jittered: boolean }) {
  const [view, setView] = useState<View>("wait");
  const longestWait = Math.max(...points.map((p) => p.high));
  const last = points[points.length - 1];
  const xAxis = <XAxis {...AXIS_PROPS} dataKey="attempt" minTickGap={6} />;

  return (
    <div>
      <div role="group" aria-label="Chart view" className="mb-3 inline-flex rounded-md border border-slate-200 bg-slate-50 p-0.5">
        {VIEWS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            aria-pressed={view === id}
            onClick={() => setView(id)}
            className={clsx(
              "rounded px-2 py-1 text-xs font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
              view === id ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {label}
          </button>
        ))}
      </div>
      <ChartLegend
        items={
          view === "wait"
            ? [{ label: jittered ? "Shortest wait" : "Wait", color: CHART_COLORS.primary, fill: true }, ...(jittered ? [{ label: "Jitter band", color: BAND_COLOR, fill: true }] : [])]
            : [{ label: jittered ? "Start of attempt (range with jitter)" : "Start of attempt", color: CHART_COLORS.primary, fill: true }]
        }
      />
      {view === "wait" ? (
        <ChartContainer height={200} summary={`Wait before each of ${points.length} retries, from ${formatDuration(points[0].high)} up to ${formatDuration(longestWait)}.`}>
          <BarChart data={points} margin={MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            {xAxis}
            {yAxis(longestWait)}
            <Tooltip content={PointTooltip} cursor={{ fill: CHART_COLORS.cursor }} isAnimationActive={false} />
            <Bar dataKey="low" stackId="wait" fill={CHART_COLORS.primary} maxBarSize={40} isAnimationActive={false} />
            <Bar dataKey="band" stackId="wait" fill={BAND_COLOR} maxBarSize={40} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ChartContainer>
      ) : (
        <ChartContainer height={200} summary={`Attempt ${last.attempt} starts ${formatBand(last.startsAt[0], last.startsAt[1])} after the first.`}>
          <ComposedChart data={points} margin={MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            {xAxis}
            {yAxis(last.startsAt[1])}
            <Tooltip content={PointTooltip} isAnimationActive={false} />
            <Area dataKey="startsAt" type="linear" stroke={CHART_COLORS.primary} strokeWidth={1.5} fill={BAND_COLOR} fillOpacity={0.5} dot={{ r: 2.5, fill: CHART_COLORS.primary }} isAnimationActive={false} />
          </ComposedChart>
        </ChartContainer>
      )}
    </div>
  );
}
