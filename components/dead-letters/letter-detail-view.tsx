"use client";

import Link from "next/link";
import { ArrowRight, RefreshCw, RotateCcw, SearchX, Trash2 } from "lucide-react";
import { useMemo, useState, type ReactNode } from "react";
import { useDeadLetter, useDiscardLetter, useReprocessAction, type LetterDetail } from "@/components/api/dlq-hooks";
import { ApiError } from "@/components/api/fetcher";
import { formatCount } from "@/components/charts/format";
import { AttemptTimeline } from "@/components/deliveries/attempt-timeline";
import { deliveryHref } from "@/components/deliveries/filters";
import { prettyPayload } from "@/components/deliveries/format";
import { RelativeTime } from "@/components/deliveries/relative-time";
import { DeliveryStatusBadge } from "@/components/deliveries/status-badge";
import { buildTimeline } from "@/components/deliveries/timeline";
import { inboundHref } from "@/components/inbound/filters";
import { EmptyState } from "@/components/layout/empty-state";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { IconCopyButton } from "@/components/ui/icon-copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { LetterStatusBadge } from "./badges";
import { historyGroups, letterStatusMeta, reasonMeta, type HistoryGroup } from "./shape";

const LINK_CLASS = "font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";

const BACK = <BackLink href="/dead-letters">Dead letters</BackLink>;

export function LetterDetailView({ id }: { id: string }) {
  const query = useDeadLetter(id);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError && !query.data) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <>
          {BACK}
          <EmptyState icon={SearchX} title="Dead letter not found">
            <p>
              No dead letter has the id <code className="break-all font-mono text-xs">{id}</code>. It may have been removed by retention cleanup.
            </p>
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {BACK}
        <Alert tone="error" title="The dead letter could not be loaded">
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
      <Letter letter={query.data} />
    </>
  );
}

function Letter({ letter }: { letter: LetterDetail }) {
  const { reprocess } = useReprocessAction();
  const discard = useDiscardLetter();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const groups = useMemo(() => historyGroups(letter.deliveries, letter.history), [letter.deliveries, letter.history]);
  const payload = useMemo(() => prettyPayload(letter.payload), [letter.payload]);
  const pending = letter.status === "pending";
  const reason = reasonMeta(letter.reason);
  const title = letter.eventType ?? "Untyped event";
  const endpointDisabled = letter.endpoint !== null && !letter.endpoint.enabled;
  const endpointGone = letter.kind === "delivery" && letter.endpoint === null;

  return (
    <>
      {BACK}
      <header className="mb-6">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-3">
          <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="break-all text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
            <LetterStatusBadge status={letter.status} />
            <Badge tone="danger">{reason.label}</Badge>
          </div>
          <div className="flex gap-2">
            <Button icon={Trash2} onClick={() => setConfirmDiscard(true)} disabled={!pending}>
              Discard
            </Button>
            <Button variant="primary" icon={RotateCcw} onClick={() => reprocess(letter.id)} disabled={!pending || endpointGone}>
              Reprocess
            </Button>
          </div>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {letterStatusMeta(letter.status).description}
          {" · failed "}
          <RelativeTime at={letter.failedAt} />
          {` after ${formatCount(letter.attempts)} ${letter.attempts === 1 ? "attempt" : "attempts"}`}
          {letter.url ? (
            <>
              {" to "}
              <span className="break-all font-mono text-xs text-slate-700">{letter.url}</span>
            </>
          ) : null}
        </p>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <IdLine label="Letter" value={letter.id} />
          {letter.endpoint ? <IdLine label="Endpoint" value={letter.endpoint.id} href={`/endpoints/${encodeURIComponent(letter.endpoint.id)}`} /> : null}
          {letter.inboundEvent ? <IdLine label="Inbound event" value={letter.inboundEvent.id} href={inboundHref(letter.inboundEvent.id)} /> : null}
        </dl>
      </header>

      <div className="mb-6 flex flex-col gap-3 empty:hidden">
        {letter.status === "reprocessing" ? (
          <Alert tone="info" title="Being reprocessed">
            The new delivery decides whether the letter becomes reprocessed or pending again. This page refreshes on its own.
          </Alert>
        ) : null}
        {pending && endpointDisabled && letter.endpoint ? (
          <Alert tone="warning" title="The endpoint is disabled">
            <p>
              {letter.endpoint.disabledReason ?? "It was disabled."} A reprocess cannot be sent to a disabled endpoint.
            </p>
            <Button size="sm" icon={RotateCcw} className="mt-2" onClick={() => reprocess(letter.id, true)}>
              Re-enable and reprocess
            </Button>
          </Alert>
        ) : null}
        {endpointGone ? (
          <Alert tone="warning" title="The endpoint has been deleted">
            This letter cannot be sent anywhere any more; discard it to close it.
          </Alert>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <Card title="Why it failed">
            <p className="text-sm font-medium text-slate-900">{reason.label}</p>
            <p className="mt-0.5 text-sm text-slate-600">{reason.description}</p>
            {letter.errorDetails ? <p className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{letter.errorDetails}</p> : null}
          </Card>

          <Card
            title="Attempt history"
            description={
              letter.kind === "inbound"
                ? "Inbound events are processed in Hookrelay, not delivered: see the event's page for its runs."
                : `${formatCount(letter.history.length)} ${letter.history.length === 1 ? "attempt" : "attempts"} across ${groups.length} ${groups.length === 1 ? "delivery" : "deliveries"}, oldest first.`
            }
          >
            {letter.kind === "inbound" ? (
              <InboundHistory letter={letter} />
            ) : groups.length === 0 ? (
              <p className="text-sm text-slate-500">The deliveries of this letter have been removed by retention cleanup.</p>
            ) : (
              <ol className="flex flex-col gap-6">
                {groups.map((group) => (
                  <HistoryGroupSection key={group.delivery.id} group={group} />
                ))}
              </ol>
            )}
          </Card>

          <Card title="Payload" description="The event as it would be sent again, indented for reading.">
            <CodeBlock code={payload} label="payload" maxHeightClass="max-h-[28rem]" />
          </Card>
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Card title="Summary">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              <Row label="Status">
                <LetterStatusBadge status={letter.status} />
              </Row>
              <Row label="Reason">{reason.label}</Row>
              <Row label="Kind">{letter.kind === "delivery" ? "Outbound delivery" : "Inbound event"}</Row>
              <Row label="Event type">{letter.eventType ? <span className="break-all font-mono text-xs">{letter.eventType}</span> : <span className="text-slate-400">none</span>}</Row>
              <Row label="Failed">
                <RelativeTime at={letter.failedAt} />
              </Row>
              <Row label="Attempts">{formatCount(letter.attempts)}</Row>
              <Row label="Reprocessed">
                {letter.reprocessCount === 0 ? (
                  <span className="text-slate-400">never</span>
                ) : (
                  <>
                    {letter.reprocessCount === 1 ? "once" : `${formatCount(letter.reprocessCount)} times`}
                    {letter.reprocessedAt ? (
                      <span className="text-slate-500">
                        {", succeeded "}
                        <RelativeTime at={letter.reprocessedAt} />
                      </span>
                    ) : null}
                  </>
                )}
              </Row>
              <Row label="Created">
                <RelativeTime at={letter.createdAt} />
              </Row>
            </dl>
          </Card>

          {letter.kind === "delivery" ? (
            <Card title="Endpoint">
              {letter.endpoint ? (
                <div className="flex flex-col gap-2 text-sm">
                  <Link href={`/endpoints/${encodeURIComponent(letter.endpoint.id)}`} className={`break-all font-mono text-xs ${LINK_CLASS}`}>
                    {letter.endpoint.url}
                  </Link>
                  <div>
                    {letter.endpoint.enabled ? (
                      <Badge tone="success" dot>
                        Enabled
                      </Badge>
                    ) : (
                      <Badge tone="danger" dot title={letter.endpoint.disabledReason ?? undefined}>
                        Disabled
                      </Badge>
                    )}
                  </div>
                  {letter.url && letter.url !== letter.endpoint.url ? (
                    <p className="text-xs text-slate-500">
                      The letter failed on <span className="break-all font-mono">{letter.url}</span>; a reprocess goes to the endpoint&apos;s current URL.
                    </p>
                  ) : null}
                </div>
              ) : (
                <p className="text-sm text-slate-500">
                  Deleted. The letter failed on <span className="break-all font-mono text-xs">{letter.url}</span>.
                </p>
              )}
            </Card>
          ) : (
            <Card title="Inbound event">
              {letter.inboundEvent ? (
                <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
                  <Row label="Source">{letter.inboundEvent.source}</Row>
                  <Row label="Key">
                    <span className="break-all font-mono text-xs">{letter.inboundEvent.idempotencyKey}</span>
                  </Row>
                  <Row label="Received">
                    <RelativeTime at={letter.inboundEvent.receivedAt} />
                  </Row>
                  <Row label="Event">
                    <Link href={inboundHref(letter.inboundEvent.id)} className={`inline-flex items-center gap-1 ${LINK_CLASS}`}>
                      Open <ArrowRight className="h-3 w-3" aria-hidden />
                    </Link>
                  </Row>
                </dl>
              ) : (
                <p className="text-sm text-slate-500">The inbound record has expired; the letter keeps the payload, so it can still be reprocessed.</p>
              )}
            </Card>
          )}
        </div>
      </div>

      <ConfirmModal
        open={confirmDiscard}
        title="Discard this letter?"
        confirmLabel="Discard"
        busy={discard.isPending}
        onCancel={() => setConfirmDiscard(false)}
        onConfirm={() => discard.mutate(letter.id, { onSettled: () => setConfirmDiscard(false) })}
      >
        <p>
          <span className="font-medium text-slate-900">{title}</span> will not be sent. The letter stays on record but can no longer be reprocessed.
        </p>
      </ConfirmModal>
    </>
  );
}

function HistoryGroupSection({ group }: { group: HistoryGroup }) {
  const { delivery } = group;
  const entries = buildTimeline(delivery.createdAt, group.attempts);
  return (
    <li className="min-w-0" data-delivery-id={delivery.id}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-slate-100 pb-2">
        <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
          {group.title}
          <DeliveryStatusBadge status={delivery.status} />
          <span className="text-xs font-normal text-slate-500">
            {formatCount(delivery.attemptCount)} {delivery.attemptCount === 1 ? "attempt" : "attempts"}
          </span>
        </h3>
        <Link href={deliveryHref(delivery.id)} className={`inline-flex items-center gap-1 text-xs ${LINK_CLASS}`}>
          Open delivery <ArrowRight className="h-3 w-3" aria-hidden />
        </Link>
      </div>
      <AttemptTimeline createdAt={delivery.createdAt} status={delivery.status} entries={entries} next={null} deadLetterId={null} />
      {delivery.status === "pending" ? <p className="mt-3 text-xs text-slate-500">Waiting for its next attempt; the delivery&apos;s page shows when.</p> : null}
    </li>
  );
}

function InboundHistory({ letter }: { letter: LetterDetail }) {
  return (
    <div className="text-sm text-slate-600">
      <p>
        The event&apos;s handler refused it {letter.reprocessCount > 0 ? `(and ${letter.reprocessCount === 1 ? "one reprocess" : `${letter.reprocessCount} reprocesses`} since)` : ""}. Reprocessing runs
        the handlers again at once.
      </p>
      {letter.inboundEvent ? (
        <Link href={inboundHref(letter.inboundEvent.id)} className={`mt-2 inline-flex items-center gap-1 ${LINK_CLASS}`}>
          Open the inbound event <ArrowRight className="h-3 w-3" aria-hidden />
        </Link>
      ) : null}
    </div>
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
    <div aria-busy="true" aria-label="Loading the dead letter">
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
