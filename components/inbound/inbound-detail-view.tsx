"use client";

import { ArrowRight, SearchX } from "lucide-react";
import { useMemo } from "react";
import { deliveryHref, letterHref } from "@/components/api/hrefs";
import { isInboundLive, useInboundEvent, type InboundEventView } from "@/components/api/inbound-hooks";
import { formatCount } from "@/components/charts/format";
import { LetterStatusBadge } from "@/components/dead-letters/badges";
import { reasonMeta } from "@/components/dead-letters/shape";
import { shortUrl } from "@/components/deliveries/format";
import { indentJson } from "@/lib/inbound/canonical-json";
import { DeliveryStatusBadge, StatusCode } from "@/components/deliveries/status-badge";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { DetailColumns, PayloadCard } from "@/components/ui/detail-columns";
import { CopyButton } from "@/components/ui/copy-button";
import { DetailState } from "@/components/ui/detail-state";
import { HeaderList } from "@/components/ui/header-list";
import { IdLine, IdList } from "@/components/ui/id-line";
import { LiveNote } from "@/components/ui/live-note";
import { RelativeTime } from "@/components/ui/relative-time";
import { SummaryCard, SummaryRow } from "@/components/ui/summary-list";
import { TextLink } from "@/components/ui/text-link";
import { InboundStatusBadge, KeySourceBadge } from "./badges";
import { inboundStatusMeta, keySourceMeta, resultBodyText } from "./format";
import { presetLabel } from "./presets";

const BACK = <BackLink href="/inbound">Inbound</BackLink>;

export function InboundDetailView({ id }: { id: string }) {
  return (
    <DetailState
      query={useInboundEvent(id)}
      back={BACK}
      what="inbound event"
      id={id}
      notFound={{ icon: SearchX, title: "Inbound event not found", why: "Events are removed once their source's idempotency window has passed." }}
    >
      {(event) => <EventDetail event={event} />}
    </DetailState>
  );
}

function EventDetail({ event: e }: { event: InboundEventView }) {
  const payload = useMemo(() => indentJson(e.payload), [e.payload]);
  const resultBody = resultBodyText(e.result?.body);
  const deliveries = e.message?.deliveries ?? [];
  const live = isInboundLive(e);

  return (
    <>
      <header className="mb-6">
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="break-all text-2xl font-semibold tracking-tight text-slate-900">{e.eventType ?? "Untyped event"}</h1>
          <InboundStatusBadge status={e.status} />
          {e.duplicateCount > 0 ? (
            <Badge tone="info">
              {formatCount(e.duplicateCount)} {e.duplicateCount === 1 ? "duplicate" : "duplicates"}
            </Badge>
          ) : null}
          {live ? <LiveNote>Live · refreshing</LiveNote> : null}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {inboundStatusMeta(e.status).description}
          {" · from "}
          <span className="font-medium text-slate-800">{e.source}</span>
          {", received "}
          <RelativeTime at={e.receivedAt} />
        </p>
        <IdList>
          <IdLine label="Event" value={e.id} />
          {e.message ? <IdLine label="Message" value={e.message.id} /> : null}
        </IdList>
      </header>

      {e.error ? (
        <Alert tone={e.status === "failed" ? "error" : "warning"} title={e.status === "failed" ? "Processing failed" : "Not processed"} className="mb-6">
          {e.error}
        </Alert>
      ) : null}

      <DetailColumns
        main={
          <>
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
                        <TextLink
                          href={deliveryHref(d.id)}
                          className="block truncate font-mono text-xs after:absolute after:inset-0 after:content-['']"
                          title={d.url}
                          aria-label={`Delivery ${d.id} to ${d.url}`}
                        >
                          {shortUrl(d.url)}
                        </TextLink>
                        <span className="block truncate font-mono text-[11px] text-slate-500">{d.id}</span>
                      </div>
                      <span className="shrink-0 text-xs tabular-nums text-slate-500">
                        {d.attemptCount} {d.attemptCount === 1 ? "attempt" : "attempts"}
                      </span>
                      <ArrowRight className="h-4 w-4 shrink-0 text-slate-500" aria-hidden />
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
                      <TextLink href={letterHref(l.id)} className="text-sm after:absolute after:inset-0 after:content-['']">
                        {reasonMeta(l.reason).label}
                      </TextLink>
                      <span className="text-xs text-slate-500">
                        failed <RelativeTime at={l.failedAt} />
                      </span>
                      {l.errorDetails ? <p className="w-full truncate text-xs text-slate-600">{l.errorDetails}</p> : null}
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}

            <PayloadCard
              payload={payload}
              description={
                e.headers["content-type"]?.toLowerCase().startsWith("application/x-www-form-urlencoded")
                  ? "Received as a form, verified over the form, kept and delivered as JSON."
                  : "The exact body received, indented for reading."
              }
            />

            <Card
              title="Provider headers"
              description={`The ${presetLabel(e.provider)} preset's headers, sent to endpoints with every delivery of this event.`}
              aria-label="Provider headers"
            >
              <HeaderList headers={e.sourceHeaders} empty="Nothing is forwarded." />
            </Card>

            <Card title="Headers" description="The identifying headers kept with the event; others (signatures, credentials, cookies) are not stored.">
              <HeaderList headers={e.headers} empty="No headers were kept." />
            </Card>
          </>
        }
        side={
          <>
            <SummaryCard>
              <SummaryRow label="Status">
                <InboundStatusBadge status={e.status} />
              </SummaryRow>
              <SummaryRow label="Source">
                {e.source} <span className="text-xs text-slate-500">({presetLabel(e.provider)})</span>
              </SummaryRow>
              <SummaryRow label="Key">
                <span className="flex min-w-0 items-center gap-0.5">
                  <span className="truncate font-mono text-xs" title={e.idempotencyKey}>
                    {e.idempotencyKey}
                  </span>
                  <CopyButton iconOnly value={e.idempotencyKey} what="idempotency key" />
                </span>
              </SummaryRow>
              <SummaryRow label="Key from">
                <span className="flex flex-col items-start gap-1">
                  <KeySourceBadge source={e.keySource} />
                  <span className="text-xs text-slate-500">{keySourceMeta(e.keySource).description}</span>
                </span>
              </SummaryRow>
              <SummaryRow label="Received">
                <RelativeTime at={e.receivedAt} />
              </SummaryRow>
              <SummaryRow label="Processed">{e.processedAt ? <RelativeTime at={e.processedAt} /> : <span className="text-slate-500">not yet</span>}</SummaryRow>
              <SummaryRow label="Runs">{formatCount(e.runs)}</SummaryRow>
              <SummaryRow label="Duplicates">{formatCount(e.duplicateCount)}</SummaryRow>
              {e.providerAttempt !== null ? <SummaryRow label="Provider attempt">{formatCount(e.providerAttempt)}</SummaryRow> : null}
              <SummaryRow label="Key kept until">
                <RelativeTime at={e.expiresAt} />
              </SummaryRow>
            </SummaryCard>

            <Card title="Answer to the provider" description={e.duplicateCount > 0 ? "Stored, and replayed to every duplicate." : "Stored, and replayed to any duplicate."}>
              {e.result ? (
                <div className="flex flex-col gap-3">
                  <p className="flex items-center gap-2 text-sm text-slate-600">
                    HTTP <StatusCode code={e.result.status} />
                  </p>
                  {resultBody !== null ? <CodeBlock code={resultBody} label="stored response body" maxHeightClass="max-h-64" /> : <p className="text-xs text-slate-500">No body</p>}
                </div>
              ) : (
                <p className="text-sm text-slate-500">No answer is stored yet: a duplicate arriving now is asked to come back shortly.</p>
              )}
            </Card>
          </>
        }
      />
    </>
  );
}
