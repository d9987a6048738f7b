"use client";

import { CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { useEndpointSeries } from "@/components/api/endpoint-hooks";
import { AXIS_PROPS, CHART_COLORS, ChartContainer, ChartLegend, GRID_PROPS, TOOLTIP_PROPS } from "@/components/charts/chart-container";
import { formatDuration, formatDurationTick, formatPercent } from "@/components/charts/format";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

const SERIES = [
  { key: "p50Ms", label: "Latency p50", color: CHART_COLORS.primary },
  { key: "p95Ms", label: "Latency p95", color: "#d97706" },
] as const;

const hour = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** Latency and success per hour over the last day, from the endpoint's own attempts. */
export function LatencyCard({ endpointId }: { endpointId: string }) {
  const { data } = useEndpointSeries(endpointId);
  const attempts = data?.points.reduce((n, p) => n + p.attempts, 0) ?? 0;
  const succeeded = data?.points.reduce((n, p) => n + p.succeeded, 0) ?? 0;
  return (
    <Card title="Latency, last 24 hours" description={data && attempts > 0 ? `${formatPercent(succeeded / attempts)} of ${attempts.toLocaleString("en-US")} attempts answered 2xx.` : undefined}>
      {!data ? (
        <Skeleton className="h-48 rounded-lg" />
      ) : attempts === 0 ? (
        <p className="text-sm text-slate-600">No attempts in the last 24 hours.</p>
      ) : (
        <>
          <ChartLegend items={SERIES.map((s) => ({ label: s.label, color: s.color }))} />
          <ChartContainer height={200} summary={`Attempt latency per hour over the last day; ${attempts} attempts, ${succeeded} answered 2xx.`}>
            <ComposedChart data={data.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid {...GRID_PROPS} />
              <XAxis {...AXIS_PROPS} dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={hour} />
              <YAxis {...AXIS_PROPS} width={48} tickFormatter={(v: number) => formatDurationTick(v)} />
              <Tooltip {...TOOLTIP_PROPS} labelFormatter={(t) => hour(Number(t))} formatter={(value, name) => [formatDuration(Number(value)), name]} />
              {SERIES.map((s) => (
                <Line key={s.key} name={s.label} dataKey={s.key} stroke={s.color} dot={false} connectNulls isAnimationActive={false} />
              ))}
            </ComposedChart>
          </ChartContainer>
        </>
      )}
    </Card>
  );
}
