"use client";

import Link from "next/link";
import { ArrowRight, RefreshCw, SearchX } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { isInboundLive, useInboundEvent, type InboundEventView } from "@/components/api/inbound-hooks";
import { ApiError } from "@/components/api/fetcher";
import { formatCount } from "@/components/charts/format";
import { LetterStatusBadge } from "@/components/dead-letters/badges";
import { letterHref } from "@/components/dead-letters/filters";
import { reasonMeta } from "@/components/dead-letters/shape";
import { deliveryHref } from "@/components/deliveries/filters";
import { shortUrl } from "@/components/deliveries/format";
import { indentJson } from "@/lib/inbound/canonical-json";
import { RelativeTime } from "@/components/deliveries/relative-time";
import { DeliveryStatusBadge, StatusCode } from "@/components/deliveries/status-badge";
import { EmptyState } from "@/components/layout/empty-state";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { IconCopyButton } from "@/components/ui/icon-copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { InboundStatusBadge, KeySourceBadge } from "./badges";
import { inboundStatusMeta, keySourceMeta, resultBodyText, sortedHeaders } from "./format";
import { HeaderList } from "./header-list";
import { presetLabel } from "./presets";

const LINK_CLASS = "font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";

const BACK = <BackLink href="/inbound">Inbound</BackLink>;

export function InboundDetailView({ id }: { id: string }) {
  const query = useInboundEvent(id);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError && !query.data) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <>
          {BACK}
          <EmptyState icon={SearchX} title="Inbound event not found">
            <p>
              No inbound event has the id <code className="break-all font-mono text-xs">{id}</code>. Events are removed once their source&apos;s idempotency window has passed.
            </p>
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {BACK}
        <Alert tone="error" title="The inbound event could not be loaded">
          <p>{query.error.message}</p>
          <Button size="sm" icon={RefreshCw} className="mt-2" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </Alert>
      </>
    );
  }
  return (
    <>
      {query.isError ? (
        <Alert tone="warning" title="Showing the last state received" className="mb-4">
          Refreshing failed: {query.error.message}
        </Alert>
      ) : null}
      <EventDetail event={query.data} />
    </>
  );
}

function EventDetail({ event: e }: { event: InboundEventView }) {
  const payload = useMemo(() => indentJson(e.payload), [e.payload]);
  const headers = useMemo(() => sortedHeaders(e.headers), [e.headers]);
  const sourceHeaders = useMemo(() => sortedHeaders(e.sourceHeaders), [e.sourceHeaders]);
  const resultBody = resultBodyText(e.result?.body);
  const deliveries = e.message?.deliveries ?? [];
  const live = isInboundLive(e);

  return (
    <>
      {BACK}
      <header className="mb-6">
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="break-all text-2xl font-semibold tracking-tight text-slate-900">{e.eventType ?? "Untyped event"}</h1>
          <InboundStatusBadge status={e.status} />
          {e.duplicateCount > 0 ? (
            <Badge tone="info">
              {formatCount(e.duplicateCount)} {e.duplicateCount === 1 ? "duplicate" : "duplicates"}
            </Badge>
          ) : null}
          {live ? <span className="text-xs text-slate-500">Refreshing live</span> : null}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {inboundStatusMeta(e.status).description}
          {" · from "}
          <span className="font-medium text-slate-800">{e.source}</span>
          {", received "}
          <RelativeTime at={e.receivedAt} />
        </p>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <IdLine label="Event" value={e.id} />
          {e.message ? <IdLine label="Message" value={e.message.id} /> : null}
        </dl>
      </header>

      {e.error ? (
        <Alert tone={e.status === "failed" ? "error" : "warning"} title={e.status === "failed" ? "Processing failed" : "Not processed"} className="mb-6">
          {e.error}
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <Card
            title="Deliveries"
            description={
              e.message
                ? `The message it became went to ${deliveries.length} ${deliveries.length === 1 ? "endpoint" : "endpoints"}.`
                : "No message was made from this event."
            }
          >
            {deliveries.length === 0 ? (
              <p className="text-sm text-slate-500">
                {e.message ? "No enabled endpoint subscribes to this event type." : e.status === "processing" ? "Still processing." : "The event was not routed to any endpoint."}
              </p>
            ) : (
              <ul className="-my-2 divide-y divide-slate-100">
                {deliveries.map((d) => (
                  <li key={d.id} className="relative flex items-center gap-3 py-2.5">
                    <DeliveryStatusBadge status={d.status} className="shrink-0" />
                    <div className="min-w-0 flex-1">
                      <Link
                        href={deliveryHref(d.id)}
                        className={`block truncate font-mono text-xs after:absolute after:inset-0 after:content-[''] ${LINK_CLASS}`}
                        title={d.url}
                        aria-label={`Delivery ${d.id} to ${d.url}`}
                      >
                        {shortUrl(d.url)}
                      </Link>
                      <span className="block truncate font-mono text-[11px] text-slate-500">{d.id}</span>
                    </div>
                    <span className="shrink-0 text-xs tabular-nums text-slate-500">
                      {d.attemptCount} {d.attemptCount === 1 ? "attempt" : "attempts"}
                    </span>
                    <ArrowRight className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
                  </li>
                ))}
              </ul>
            )}
          </Card>

          {e.deadLetters.length > 0 ? (
            <Card title="Dead letters" description="The processor refused this event; the letter can be reprocessed from its page.">
              <ul className="-my-2 divide-y divide-slate-100">
                {e.deadLetters.map((l) => (
                  <li key={l.id} className="relative flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5">
                    <LetterStatusBadge status={l.status} />
                    <Link href={letterHref(l.id)} className={`text-sm after:absolute after:inset-0 after:content-[''] ${LINK_CLASS}`}>
                      {reasonMeta(l.reason).label}
                    </Link>
                    <span className="text-xs text-slate-500">
                      failed <RelativeTime at={l.failedAt} />
                    </span>
                    {l.errorDetails ? <p className="w-full truncate text-xs text-slate-600">{l.errorDetails}</p> : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}

          <Card
            title="Payload"
            description={
              e.headers["content-type"]?.toLowerCase().startsWith("application/x-www-form-urlencoded")
                ? "Received as a form, verified over the form, kept and delivered as JSON."
                : "The exact body received, indented for reading."
            }
          >
            <CodeBlock code={payload} label="payload" maxHeightClass="max-h-[28rem]" />
          </Card>

          <Card
            title="Provider headers"
            description={`The ${presetLabel(e.provider)} preset's headers, sent to endpoints with every delivery of this event.`}
            aria-label="Provider headers"
          >
            <HeaderList headers={sourceHeaders} empty="Nothing is forwarded." />
          </Card>

          <Card title="Headers" description="The identifying headers kept with the event; others (signatures, credentials, cookies) are not stored.">
            <HeaderList headers={headers} empty="No headers were kept." />
          </Card>
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Card title="Summary">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              <Row label="Status">
                <InboundStatusBadge status={e.status} />
              </Row>
              <Row label="Source">
                {e.source} <span className="text-xs text-slate-500">({presetLabel(e.provider)})</span>
              </Row>
              <Row label="Key">
                <span className="flex min-w-0 items-center gap-0.5">
                  <span className="truncate font-mono text-xs" title={e.idempotencyKey}>
                    {e.idempotencyKey}
                  </span>
                  <IconCopyButton value={e.idempotencyKey} label="idempotency key" />
                </span>
              </Row>
              <Row label="Key from">
                <span className="flex flex-col items-start gap-1">
                  <KeySourceBadge source={e.keySource} />
                  <span className="text-xs text-slate-500">{keySourceMeta(e.keySource).description}</span>
                </span>
              </Row>
              <Row label="Received">
                <RelativeTime at={e.receivedAt} />
              </Row>
              <Row label="Processed">{e.processedAt ? <RelativeTime at={e.processedAt} /> : <span className="text-slate-400">not yet</span>}</Row>
              <Row label="Runs">{formatCount(e.runs)}</Row>
              <Row label="Duplicates">{formatCount(e.duplicateCount)}</Row>
              {e.providerAttempt !== null ? <Row label="Provider attempt">{formatCount(e.providerAttempt)}</Row> : null}
              <Row label="Key kept until">
                <RelativeTime at={e.expiresAt} />
              </Row>
            </dl>
          </Card>

          <Card title="Answer to the provider" description={e.duplicateCount > 0 ? "Stored, and replayed to every duplicate." : "Stored, and replayed to any duplicate."}>
            {e.result ? (
              <div className="flex flex-col gap-3">
                <p className="flex items-center gap-2 text-sm text-slate-600">
                  HTTP <StatusCode code={e.result.status} />
                </p>
                {resultBody !== null ? <CodeBlock code={resultBody} label="stored response body" maxHeightClass="max-h-64" /> : <p className="text-xs text-slate-400">No body</p>}
              </div>
            ) : (
              <p className="text-sm text-slate-500">No answer is stored yet: a duplicate arriving now is asked to come back shortly.</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

function IdLine({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <dt className="shrink-0 text-slate-500">{label}</dt>
      <dd className="flex min-w-0 items-center gap-0.5">
        <span className="truncate font-mono text-xs text-slate-800">{value}</span>
        <IconCopyButton value={value} label={`${label.toLowerCase()} id ${value}`} />
      </dd>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-800">{children}</dd>
    </>
  );
}

function DetailSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the inbound event">
      <Skeleton className="mb-4 h-4 w-24" />
      <Skeleton className="mb-2 h-8 w-72" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <div className="grid gap-6 lg:grid-cols-3">
        <Skeleton className="h-96 rounded-xl lg:col-span-2" />
        <Skeleton className="h-96 rounded-xl" />
      </div>
    </div>
  );
}
