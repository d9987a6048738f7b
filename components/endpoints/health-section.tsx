"use client";

import { ArrowRight, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { EndpointDetail } from "@/components/api/endpoint-hooks";
import { deliveryHref } from "@/components/api/hrefs";
import { formatCount, formatPercent } from "@/components/charts/format";
import { filtersToSearch, NO_FILTERS, type DeliveryFilters } from "@/components/api/delivery-filters";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { DateTime, RelativeTime } from "@/components/ui/relative-time";
import { Stat } from "@/components/ui/stat";
import { TextLink } from "@/components/ui/text-link";
import { successRateTone } from "@/components/ui/tone";

/** The deliveries page, filtered to this endpoint (and a status, for the counts). */
export function deliveriesHref(endpointId: string, extra: Partial<DeliveryFilters> = {}): string {
  return `/deliveries${filtersToSearch({ ...NO_FILTERS, endpointId, ...extra })}`;
}

function StatLink({ href, label, children }: { href: string; label: string; children: ReactNode }) {
  return (
    <Link href={href} aria-label={label} className="block rounded-xl transition-shadow hover:shadow-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2">
      {children}
    </Link>
  );
}

/** Succeeded, failed and dead-lettered deliveries over the health window, each linking to the list. */
export function HealthStats({ endpoint }: { endpoint: EndpointDetail }) {
  const { health } = endpoint;
  const finished = health.succeeded + health.failed + health.dead;
  const window = { since: "24h" as const };
  return (
    <section aria-label={`Health over the last ${health.windowHours} hours`} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Stat
        label={`Success rate · ${health.windowHours} h`}
        value={health.successRate === null ? "—" : formatPercent(health.successRate)}
        tone={successRateTone(health.successRate)}
        detail={finished === 0 ? "Nothing finished yet" : `of ${formatCount(finished)} finished`}
      />
      <StatLink href={deliveriesHref(endpoint.id, { status: ["succeeded"], ...window })} label={`${formatCount(health.succeeded)} succeeded: show them`}>
        <Stat label="Succeeded" value={formatCount(health.succeeded)} tone={health.succeeded > 0 ? "success" : "neutral"} detail="Delivered with a 2xx" />
      </StatLink>
      <StatLink href={deliveriesHref(endpoint.id, { status: ["failed"], ...window })} label={`${formatCount(health.failed)} failed: show them`}>
        <Stat label="Failed" value={formatCount(health.failed)} tone={health.failed > 0 ? "warning" : "neutral"} detail="Ended without retries" />
      </StatLink>
      <StatLink href={deliveriesHref(endpoint.id, { status: ["dead"], ...window })} label={`${formatCount(health.dead)} dead-lettered: show them`}>
        <Stat label="Dead-lettered" value={formatCount(health.dead)} tone={health.dead > 0 ? "danger" : "neutral"} detail="Out of retries" />
      </StatLink>
    </section>
  );
}

export function LastFailureCard({ endpoint }: { endpoint: EndpointDetail }) {
  const failure = endpoint.health.lastFailure;
  return (
    <Card title="Last failure" description="The most recent attempt that did not get a 2xx answer, at any time.">
      {failure ? (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
          <dt className="text-slate-500">When</dt>
          <dd>
            <RelativeTime at={failure.at} className="font-medium text-slate-900" />
            <DateTime at={failure.at} className="ml-2 text-slate-500" />
          </dd>
          <dt className="text-slate-500">Response</dt>
          <dd>
            {failure.statusCode === null ? (
              <Badge tone="neutral">No response</Badge>
            ) : (
              <Badge tone={failure.statusCode >= 500 ? "danger" : "warning"}>HTTP {failure.statusCode}</Badge>
            )}
          </dd>
          {failure.error ? (
            <>
              <dt className="text-slate-500">Error</dt>
              <dd className="break-words rounded-md bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-200">{failure.error}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">Delivery</dt>
          <dd>
            <TextLink href={deliveryHref(failure.deliveryId)} className="inline-flex items-center gap-1">
              Open its timeline
              <ArrowRight className="h-3.5 w-3.5" aria-hidden />
            </TextLink>
          </dd>
        </dl>
      ) : (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <CheckCircle2 className="h-4 w-4 text-emerald-600" aria-hidden />
          No failed attempt recorded for this endpoint.
        </p>
      )}
    </Card>
  );
}
