"use client";

import Link from "next/link";
import { ArrowLeft, ArrowRight, RefreshCw, SearchX } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { useDelivery, type DeliveryDetailView as Detail } from "@/components/api/delivery-hooks";
import { ApiError } from "@/components/api/fetcher";
import { formatDuration } from "@/components/charts/format";
import { EmptyState } from "@/components/layout/empty-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { IconCopyButton } from "@/components/ui/icon-copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { AttemptTimeline } from "./attempt-timeline";
import { deliveryHref, isLive } from "./filters";
import { prettyPayload, statusMeta, summarizePolicy } from "./format";
import { RelativeTime } from "./relative-time";
import { ReplayButton } from "./replay-button";
import { DeliveryStatusBadge, StatusCode } from "./status-badge";
import { buildTimeline, nextAttempt } from "./timeline";

const LINK_CLASS = "font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";

const BACK_LINK = (
  <Link
    href="/deliveries"
    className="mb-3 inline-flex items-center gap-1 rounded text-sm text-slate-600 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
  >
    <ArrowLeft className="h-4 w-4" aria-hidden />
    Deliveries
  </Link>
);

export function DeliveryDetailView({ id }: { id: string }) {
  const query = useDelivery(id);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError && !query.data) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <>
          {BACK_LINK}
          <EmptyState icon={SearchX} title="Delivery not found">
            <p>
              No delivery has the id <code className="break-all font-mono text-xs">{id}</code>. It may have been removed by retention cleanup.
            </p>
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {BACK_LINK}
        <Alert tone="error" title="The delivery could not be loaded">
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
      <DeliveryDetail delivery={query.data} />
    </>
  );
}

function IdLine({ label, value, href }: { label: string; value: string; href?: string }) {
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <dt className="shrink-0 text-slate-500">{label}</dt>
      <dd className="flex min-w-0 items-center gap-0.5">
        {href ? (
          <Link href={href} className={`truncate font-mono text-xs ${LINK_CLASS}`}>
            {value}
          </Link>
        ) : (
          <span className="truncate font-mono text-xs text-slate-800">{value}</span>
        )}
        <IconCopyButton value={value} label={`${label.toLowerCase()} ${value}`} />
      </dd>
    </div>
  );
}

function DeliveryDetail({ delivery: d }: { delivery: Detail }) {
  const entries = useMemo(() => buildTimeline(d.createdAt, d.attempts), [d.createdAt, d.attempts]);
  const next = nextAttempt(d);
  const meta = statusMeta(d.status);
  const policy = summarizePolicy(d.policy);
  const payload = useMemo(() => prettyPayload(d.message.payload), [d.message.payload]);

  return (
    <>
      {BACK_LINK}
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
            {isLive(d.status) ? <span className="text-xs text-slate-500">Refreshing live</span> : null}
          </div>
          <ReplayButton deliveryId={d.id} />
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {meta.description}
          {" · to "}
          <Link href={`/endpoints/${encodeURIComponent(d.endpoint.id)}`} className={`break-all font-mono text-xs ${LINK_CLASS}`}>
            {d.endpoint.url}
          </Link>
          {!d.endpoint.enabled ? (
            <Badge tone="danger" className="ml-2">
              endpoint disabled
            </Badge>
          ) : null}
        </p>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <IdLine label="Delivery" value={d.id} />
          <IdLine label="Message" value={d.message.id} />
          <IdLine label="Endpoint" value={d.endpoint.id} href={`/endpoints/${encodeURIComponent(d.endpoint.id)}`} />
        </dl>
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <Card title="Attempts" description={`${d.attemptCount} ${d.attemptCount === 1 ? "attempt" : "attempts"}${isLive(d.status) ? " so far" : ""}, oldest first.`}>
            <AttemptTimeline createdAt={d.createdAt} status={d.status} entries={entries} next={next} deadLetterId={d.deadLetterId} />
          </Card>
          <Card title="Payload" description="The exact message sent to the endpoint, indented for reading.">
            <CodeBlock code={payload} label="payload" maxHeightClass="max-h-[28rem]" />
          </Card>
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Card title="Summary">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              <Row label="Created">
                <RelativeTime at={d.createdAt} />
              </Row>
              <Row label="Finished">{d.completedAt ? <RelativeTime at={d.completedAt} /> : <span className="text-slate-400">not yet</span>}</Row>
              {d.completedAt ? <Row label="Took">{formatDuration(Date.parse(d.completedAt) - Date.parse(d.createdAt))}</Row> : null}
              <Row label="Last status">
                <StatusCode code={d.lastStatusCode} />
              </Row>
              {d.lastError ? (
                <Row label="Last error">
                  <span className="break-words text-red-800">{d.lastError}</span>
                </Row>
              ) : null}
            </dl>
          </Card>

          <Card
            title="Retry policy"
            description={d.policy.source === "endpoint" ? "The endpoint's own policy." : d.policy.source === "default" ? "The default policy: the endpoint has none of its own." : "Built-in defaults: no policy is saved."}
            actions={
              <Link href="/policies" className={`text-sm ${LINK_CLASS}`}>
                Policies
              </Link>
            }
          >
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
                  <span className="text-slate-400">not a replay</span>
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
                  <span className="text-slate-400">none yet</span>
                )}
              </RelatedItem>
              <RelatedItem label="Dead letter">
                {d.deadLetterId ? (
                  <Link href={`/dead-letters/${encodeURIComponent(d.deadLetterId)}`} className={`font-mono text-xs ${LINK_CLASS}`}>
                    {d.deadLetterId}
                  </Link>
                ) : (
                  <span className="text-slate-400">none</span>
                )}
              </RelatedItem>
            </dl>
          </Card>
        </div>
      </div>
    </>
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
    <Link href={deliveryHref(id)} className={`inline-flex items-center gap-1 font-mono text-xs ${LINK_CLASS}`}>
      {id}
      <ArrowRight className="h-3 w-3" aria-hidden />
    </Link>
  );
}

function DetailSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the delivery">
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
