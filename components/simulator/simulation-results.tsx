"use client";

import { useMemo } from "react";
import type { SimulateResponse } from "@/components/api/simulator-hooks";
import { formatCount, formatDuration, formatMean, formatPercent } from "@/components/charts/format";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import type { Tone } from "@/components/ui/tone";
import { CumulativeChart, DistributionChart, LoadChart } from "./charts";
import { cumulativeRows, distributionRows } from "./shape";

function successTone(rate: number): Tone {
  return rate >= 0.999 ? "success" : rate >= 0.99 ? "warning" : "danger";
}

export function SimulationResults({ input, result }: SimulateResponse) {
  const cumulative = useMemo(() => cumulativeRows(input, result), [input, result]);
  const distribution = useMemo(() => distributionRows(result), [result]);
  const { theory, timeToDeliveryMs: ttd, peakLoad } = result;

  return (
    <div className="flex flex-col gap-4">
      {theory.outagesIgnored ? (
        <Alert tone="info" title="The closed form knows nothing about the outage">
          It assumes every attempt fails independently with probability {formatPercent(theory.perAttemptFailure)}; the outage fails
          attempts together, so the simulation is expected to fall short of it.
        </Alert>
      ) : null}

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-3" aria-label="Summary">
        <Stat label="Success rate" value={formatPercent(result.successRate)} detail={`Closed form ${formatPercent(theory.successWithinMaxAttempts)}`} tone={successTone(result.successRate)} />
        <Stat
          label="Dead-lettered"
          value={formatCount(result.deadLettered)}
          detail={`of ${formatCount(result.deliveries)} deliveries`}
          tone={result.deadLettered > 0 ? "danger" : "success"}
        />
        <Stat label="Mean attempts" value={formatMean(result.meanAttempts)} detail={`Closed form ${formatMean(theory.expectedAttempts)}`} />
        <Stat label="p50 to deliver" value={ttd ? formatDuration(ttd.p50) : "—"} detail={ttd ? `mean ${formatDuration(ttd.mean)}` : "nothing delivered"} />
        <Stat label="p95 to deliver" value={ttd ? formatDuration(ttd.p95) : "—"} detail="among delivered ones" />
        <Stat label="p99 to deliver" value={ttd ? formatDuration(ttd.p99) : "—"} detail={ttd ? `slowest ${formatDuration(ttd.max)}` : undefined} />
      </div>

      <Card
        title="Delivered over time"
        level={3}
        description="Share of all deliveries delivered within a given time of their arrival. The closed form puts 1 − pᵏ at the average time attempt k ends."
      >
        <CumulativeChart rows={cumulative} />
      </Card>

      <Card
        title="Endpoint load"
        level={3}
        description={`Attempts per minute on the simulated clock (0 = first arrival); peak ${formatCount(Math.round(peakLoad.perMinute))}/min at ${formatDuration(peakLoad.tMs)}. ${formatCount(result.totalAttempts)} attempts in all.`}
      >
        <LoadChart rows={result.load} bucketMs={result.bucketMs} outages={input.outages} />
      </Card>

      <Card title="Attempts per delivery" description="How many attempts each delivery took, and how it ended." level={3}>
        <DistributionChart rows={distribution} />
      </Card>
    </div>
  );
}
