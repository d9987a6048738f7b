"use client";

import { CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { useEndpointSeries } from "@/components/api/endpoint-hooks";
import { AXIS_PROPS, ChartContainer, ChartLegend, GRID_PROPS, SERIES_COLORS, TOOLTIP_PROPS } from "@/components/charts/chart-container";
import { formatCount, formatDuration, formatDurationTick, formatPercent } from "@/components/charts/format";
import { formatBucket, formatTick, timeTicks } from "@/components/overview/shape";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

const SERIES = [
  { key: "p50Ms", label: "Latency p50", color: SERIES_COLORS[0] },
  { key: "p95Ms", label: "Latency p95", color: SERIES_COLORS[1] },
] as const;

/** The series' points are hours of the last day: the axis and tooltip read as the overview's 24-hour chart. */
const WINDOW = "24h";
const HOUR_MS = 3_600_000;

/** Latency and success per hour over the last day, from the endpoint's own attempts. */
export function LatencyCard({ endpointId }: { endpointId: string }) {
  const { data } = useEndpointSeries(endpointId);
  const attempts = data?.points.reduce((n, p) => n + p.attempts, 0) ?? 0;
  const succeeded = data?.points.reduce((n, p) => n + p.succeeded, 0) ?? 0;
  const start = data?.points[0]?.t ?? 0;
  const end = data?.points.at(-1)?.t ?? 0;
  return (
    <Card title="Latency, last 24 hours" description={data && attempts > 0 ? `${formatPercent(succeeded / attempts)} of ${formatCount(attempts)} attempts answered 2xx.` : undefined}>
      {!data ? (
        <Skeleton className="h-48 rounded-lg" />
      ) : attempts === 0 ? (
        <p className="text-sm text-slate-600">No attempts in the last 24 hours.</p>
      ) : (
        <>
          <ChartLegend items={SERIES.map((s) => ({ label: s.label, color: s.color }))} />
          <ChartContainer height={200} summary={`Attempt latency per hour over the last day; ${formatCount(attempts)} attempts, ${formatCount(succeeded)} answered 2xx.`}>
            <ComposedChart data={data.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid {...GRID_PROPS} />
              <XAxis {...AXIS_PROPS} dataKey="t" type="number" scale="time" domain={[start, end]} ticks={timeTicks(start, end, WINDOW)} tickFormatter={(t: number) => formatTick(t, WINDOW)} />
              <YAxis {...AXIS_PROPS} width={48} tickFormatter={(v: number) => formatDurationTick(v)} />
              <Tooltip {...TOOLTIP_PROPS} labelFormatter={(t) => formatBucket(Number(t), HOUR_MS, WINDOW)} formatter={(value, name) => [formatDuration(Number(value)), name]} />
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
