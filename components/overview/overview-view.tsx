"use client";

import { useSearchParams } from "next/navigation";
import { ArrowRight } from "lucide-react";
import type { Overview } from "@/lib/overview/get-overview";
import { useEndpointOptions } from "@/components/api/endpoint-hooks";
import { useOverview } from "@/components/api/overview-hooks";
import { formatCount, formatDuration, formatPercent } from "@/components/charts/format";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { LiveNote } from "@/components/ui/live-note";
import { LoadError, RefreshFailed } from "@/components/ui/load-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { Stat } from "@/components/ui/stat";
import { TextLink } from "@/components/ui/text-link";
import { successRateTone } from "@/components/ui/tone";
import { EndpointsAttention } from "./endpoints-attention";
import { GetStarted } from "./get-started";
import { OutcomeChart } from "./outcome-chart";
import { isQuiet, seriesTotals, WINDOW_LABELS, windowFromSearch, type OverviewWindow } from "./shape";
import { WindowSwitcher } from "./window-switcher";

export function OverviewView() {
  const range = windowFromSearch(useSearchParams());
  const query = useOverview(range);
  const data = query.data;

  return (
    <>
      <PageHeader
        title="Overview"
        description="Events received, deliveries made and what needs attention."
        actions={
          <div className="flex flex-wrap items-center gap-3 sm:justify-end">
            {data ? (
              <LiveNote failing={query.isRefetchError}>
                {query.isRefetchError ? "Refresh failing" : "Live"} · updated <RelativeTime at={query.dataUpdatedAt} />
              </LiveNote>
            ) : null}
            <WindowSwitcher value={range} />
          </div>
        }
      />
      {query.isError && data ? (
        <RefreshFailed what="numbers" error={query.error} className="mb-4" />
      ) : null}
      {data ? (
        <OverviewBody overview={data} range={range} />
      ) : query.isError ? (
        <LoadError title="The overview could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <OverviewSkeleton />
      )}
    </>
  );
}

function OverviewBody({ overview: o, range }: { overview: Overview; range: OverviewWindow }) {
  const endpoints = useEndpointOptions();
  const quiet = isQuiet(o);
  const totals = seriesTotals(o.series);
  const span = WINDOW_LABELS[range].span;
  return (
    <div className="flex flex-col gap-6">
      {quiet ? <GetStarted /> : null}

      <section aria-label={`Totals for the ${span}`} className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
        <Stat label="Received" value={formatCount(o.received)} detail={`events, ${span}`} />
        <Stat label="Duplicates" value={formatCount(o.duplicates)} detail={o.duplicates > 0 ? `${formatPercent(o.duplicates / (o.received + o.duplicates))} of requests` : "none caught"} />
        <Stat label="Delivered" value={formatCount(o.delivered)} detail={o.pendingDeliveries > 0 ? `${formatCount(o.pendingDeliveries)} in progress` : "none in progress"} />
        <Stat
          label="Success rate"
          value={o.successRate === null ? "—" : formatPercent(o.successRate)}
          tone={successRateTone(o.successRate)}
          detail={o.successRate === null ? "no finished deliveries" : `${formatCount(o.failedAttempts)} failed attempts`}
        />
        <Stat label="p95 latency" value={o.p95LatencyMs === null ? "—" : formatDuration(o.p95LatencyMs)} detail="created → delivered" />
        <Stat
          label="Dead letters"
          value={formatCount(o.deadLettersPending)}
          tone={o.deadLettersPending > 0 ? "danger" : "neutral"}
          detail={
            <TextLink href="/dead-letters" className="inline-flex items-center gap-1">
              {o.deadLettersPending > 0 ? "pending · review" : "none pending"}
              <ArrowRight className="h-3 w-3" aria-hidden />
            </TextLink>
          }
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card
          className="lg:col-span-2"
          title="Delivery attempts"
          description={`Every attempt in the ${span}, by what came of it.`}
          actions={
            <TextLink href="/deliveries" className="inline-flex items-center gap-1 text-sm">
              All deliveries
              <ArrowRight className="h-3.5 w-3.5" aria-hidden />
            </TextLink>
          }
        >
          {totals.attempts > 0 ? (
            <OutcomeChart series={o.series} bucketMs={o.bucketMs} range={range} />
          ) : (
            <div className="flex h-[268px] flex-col items-center justify-center rounded-lg border border-dashed border-slate-200 text-center text-sm text-slate-500">
              <p className="font-medium text-slate-700">No delivery attempts in the {span}</p>
              <p className="mt-1 max-w-xs">Attempts appear here as soon as a message is sent to an endpoint.</p>
            </div>
          )}
        </Card>
        <Card title="Needs attention" description="Endpoints that are disabled or failing.">
          <EndpointsAttention endpoints={o.endpoints} total={endpoints.data?.length} />
          <TextLink href="/endpoints" className="mt-3 inline-flex items-center gap-1 text-sm">
            All endpoints
            <ArrowRight className="h-3.5 w-3.5" aria-hidden />
          </TextLink>
        </Card>
      </div>
    </div>
  );
}

function OverviewSkeleton() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-label="Loading the overview">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-[88px] rounded-xl" />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Skeleton className="h-[340px] rounded-xl lg:col-span-2" />
        <Skeleton className="h-[340px] rounded-xl" />
      </div>
    </div>
  );
}
