"use client";

import Link from "next/link";
import { ArrowRight, SearchX } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { useDelivery, type DeliveryDetailView as Detail } from "@/components/api/delivery-hooks";
import { deliveryHref, endpointHref, letterHref } from "@/components/api/hrefs";
import { formatDuration } from "@/components/charts/format";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DetailColumns, PayloadCard } from "@/components/ui/detail-columns";
import { DetailState } from "@/components/ui/detail-state";
import { IdLine, IdList } from "@/components/ui/id-line";
import { LiveNote } from "@/components/ui/live-note";
import { RelativeTime } from "@/components/ui/relative-time";
import { SummaryCard, SummaryRow } from "@/components/ui/summary-list";
import { TextLink } from "@/components/ui/text-link";
import { AttemptTimeline } from "./attempt-timeline";
import { isLive } from "@/components/api/delivery-filters";
import { prettyPayload, statusMeta, summarizePolicy } from "./format";
import { ReplayButton } from "./replay-button";
import { DeliveryStatusBadge, StatusCode } from "./status-badge";
import { buildTimeline, nextAttempt } from "./timeline";

const BACK = <BackLink href="/deliveries">Deliveries</BackLink>;

export function DeliveryDetailView({ id }: { id: string }) {
  return (
    <DetailState
      query={useDelivery(id)}
      back={BACK}
      what="delivery"
      id={id}
      notFound={{ icon: SearchX, title: "Delivery not found", why: "It may have been removed by retention cleanup." }}
    >
      {(delivery) => <DeliveryDetail delivery={delivery} />}
    </DetailState>
  );
}

function DeliveryDetail({ delivery: d }: { delivery: Detail }) {
  const entries = useMemo(() => buildTimeline(d.createdAt, d.attempts), [d.createdAt, d.attempts]);
  const next = nextAttempt(d);
  const meta = statusMeta(d.status);
  const policy = summarizePolicy(d.policy);
  const ranUnder = d.ranUnder ? summarizePolicy(d.ranUnder) : null;
  const payload = useMemo(() => prettyPayload(d.message.payload), [d.message.payload]);

  return (
    <>
      <header className="mb-6">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-3">
          <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="break-all text-2xl font-semibold tracking-tight text-slate-900">{d.message.eventType}</h1>
            <DeliveryStatusBadge status={d.status} />
            {d.replayOfId ? (
              <Link href={deliveryHref(d.replayOfId)} aria-label="A replay: open the original delivery" className="rounded-full focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
                <Badge tone="info">Replay</Badge>
              </Link>
            ) : null}
            {isLive(d.status) ? <LiveNote>Live · refreshing</LiveNote> : null}
          </div>
          <ReplayButton deliveryId={d.id} />
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {meta.description}
          {" · to "}
          <TextLink href={endpointHref(d.endpoint.id)} className="break-all font-mono text-xs">
            {d.endpoint.url}
          </TextLink>
          {!d.endpoint.enabled ? (
            <Badge tone="danger" className="ml-2">
              endpoint disabled
            </Badge>
          ) : null}
        </p>
        <IdList>
          <IdLine label="Delivery" value={d.id} />
          <IdLine label="Message" value={d.message.id} />
          <IdLine label="Endpoint" value={d.endpoint.id} href={endpointHref(d.endpoint.id)} />
        </IdList>
      </header>

      <DetailColumns
        main={
          <>
            <Card title="Attempts" description={`${d.attemptCount} ${d.attemptCount === 1 ? "attempt" : "attempts"}${isLive(d.status) ? " so far" : ""}, oldest first.`}>
              <AttemptTimeline createdAt={d.createdAt} status={d.status} entries={entries} next={next} deadLetterId={d.deadLetterId} />
            </Card>
            <PayloadCard payload={payload} description="The exact message sent to the endpoint, indented for reading." />
          </>
        }
        side={
          <>
            <SummaryCard>
              <SummaryRow label="Created">
                <RelativeTime at={d.createdAt} />
              </SummaryRow>
              <SummaryRow label="Finished">{d.completedAt ? <RelativeTime at={d.completedAt} /> : <span className="text-slate-500">not yet</span>}</SummaryRow>
              {d.completedAt ? <SummaryRow label="Took">{formatDuration(Date.parse(d.completedAt) - Date.parse(d.createdAt))}</SummaryRow> : null}
              <SummaryRow label="Last status">
                <StatusCode code={d.lastStatusCode} />
              </SummaryRow>
              {d.lastError ? (
                <SummaryRow label="Last error">
                  <span className="break-words text-red-800">{d.lastError}</span>
                </SummaryRow>
              ) : null}
            </SummaryCard>

            <Card
              title="Retry policy"
              description={d.policy.source === "endpoint" ? "The endpoint's own policy." : d.policy.source === "default" ? "The default policy: the endpoint has none of its own." : "Built-in defaults: no policy is saved."}
              actions={
                <TextLink href="/policies" className="text-sm">
                  Policies
                </TextLink>
              }
            >
              {ranUnder && ranUnder.schedule !== policy.schedule ? (
                <div className="mb-3 border-b border-slate-100 pb-3 dark:border-slate-800">
                  <p className="text-sm font-medium text-slate-900">Ran under</p>
                  <p className="mt-1 text-sm text-slate-600" data-testid="policy-ran-under">
                    {ranUnder.schedule}
                  </p>
                  <p className="mt-1 text-xs text-slate-500">{ranUnder.giveUp}</p>
                  <p className="mt-2 text-xs text-slate-500">The policy has been edited since; the next attempt follows today&apos;s:</p>
                </div>
              ) : null}
              <p className="text-sm font-medium text-slate-900">{d.policy.name}</p>
              <p className="mt-1 text-sm text-slate-600">{policy.schedule}</p>
              <p className="mt-1 text-xs text-slate-500">{policy.giveUp}</p>
            </Card>

            <Card title="Related">
              <dl className="flex flex-col gap-3 text-sm">
                <RelatedItem label="Replay of">
                  {d.replayOfId ? (
                    <DeliveryLink id={d.replayOfId} />
                  ) : (
                    <span className="text-slate-500">not a replay</span>
                  )}
                </RelatedItem>
                <RelatedItem label={d.replayIds.length > 1 ? `Replays (${d.replayIds.length})` : "Replays"}>
                  {d.replayIds.length > 0 ? (
                    <ul className="flex flex-col gap-1">
                      {d.replayIds.map((rid) => (
                        <li key={rid}>
                          <DeliveryLink id={rid} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-500">none yet</span>
                  )}
                </RelatedItem>
                <RelatedItem label="Dead letter">
                  {d.deadLetterId ? (
                    <TextLink href={letterHref(d.deadLetterId)} className="font-mono text-xs">
                      {d.deadLetterId}
                    </TextLink>
                  ) : (
                    <span className="text-slate-500">none</span>
                  )}
                </RelatedItem>
              </dl>
            </Card>
          </>
        }
      />
    </>
  );
}

function RelatedItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}

function DeliveryLink({ id }: { id: string }) {
  return (
    <TextLink href={deliveryHref(id)} className="inline-flex items-center gap-1 font-mono text-xs">
      {id}
      <ArrowRight className="h-3 w-3" aria-hidden />
    </TextLink>
  );
}
