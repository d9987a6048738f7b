"use client";

import { ArrowRight, RotateCcw, SearchX, Trash2 } from "lucide-react";
import { useMemo, useState } from "react";
import { useDeadLetter, useDiscardLetter, useReprocessAction, type LetterDetail } from "@/components/api/dlq-hooks";
import { deliveryHref, endpointHref, inboundHref } from "@/components/api/hrefs";
import { formatCount } from "@/components/charts/format";
import { AttemptTimeline } from "@/components/deliveries/attempt-timeline";
import { prettyPayload } from "@/components/deliveries/format";
import { DeliveryStatusBadge } from "@/components/deliveries/status-badge";
import { buildTimeline } from "@/components/deliveries/timeline";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DetailColumns, PayloadCard } from "@/components/ui/detail-columns";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { DetailState } from "@/components/ui/detail-state";
import { IdLine, IdList } from "@/components/ui/id-line";
import { RelativeTime } from "@/components/ui/relative-time";
import { SummaryCard, SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { TextLink } from "@/components/ui/text-link";
import { LetterStatusBadge } from "./badges";
import { historyGroups, letterStatusMeta, reasonMeta, type HistoryGroup } from "./shape";

const BACK = <BackLink href="/dead-letters">Dead letters</BackLink>;

export function LetterDetailView({ id }: { id: string }) {
  return (
    <DetailState
      query={useDeadLetter(id)}
      back={BACK}
      what="dead letter"
      id={id}
      notFound={{ icon: SearchX, title: "Dead letter not found", why: "It may have been removed by retention cleanup." }}
    >
      {(letter) => <Letter letter={letter} />}
    </DetailState>
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
        <IdList>
          <IdLine label="Letter" value={letter.id} />
          {letter.endpoint ? <IdLine label="Endpoint" value={letter.endpoint.id} href={endpointHref(letter.endpoint.id)} /> : null}
          {letter.inboundEvent ? <IdLine label="Inbound event" value={letter.inboundEvent.id} href={inboundHref(letter.inboundEvent.id)} /> : null}
        </IdList>
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

      <DetailColumns
        main={
          <>
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

            <PayloadCard payload={payload} description="The event as it would be sent again, indented for reading." />
          </>
        }
        side={
          <>
            <SummaryCard>
              <SummaryRow label="Status">
                <LetterStatusBadge status={letter.status} />
              </SummaryRow>
              <SummaryRow label="Reason">{reason.label}</SummaryRow>
              <SummaryRow label="Kind">{letter.kind === "delivery" ? "Outbound delivery" : "Inbound event"}</SummaryRow>
              <SummaryRow label="Event type">{letter.eventType ? <span className="break-all font-mono text-xs">{letter.eventType}</span> : <span className="text-slate-500">none</span>}</SummaryRow>
              <SummaryRow label="Failed">
                <RelativeTime at={letter.failedAt} />
              </SummaryRow>
              <SummaryRow label="Attempts">{formatCount(letter.attempts)}</SummaryRow>
              <SummaryRow label="Reprocessed">
                {letter.reprocessCount === 0 ? (
                  <span className="text-slate-500">never</span>
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
              </SummaryRow>
              <SummaryRow label="Created">
                <RelativeTime at={letter.createdAt} />
              </SummaryRow>
            </SummaryCard>

            {letter.kind === "delivery" ? (
              <Card title="Endpoint">
                {letter.endpoint ? (
                  <div className="flex flex-col gap-2 text-sm">
                    <TextLink href={endpointHref(letter.endpoint.id)} className="break-all font-mono text-xs">
                      {letter.endpoint.url}
                    </TextLink>
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
                  <SummaryList>
                    <SummaryRow label="Source">{letter.inboundEvent.source}</SummaryRow>
                    <SummaryRow label="Key">
                      <span className="break-all font-mono text-xs">{letter.inboundEvent.idempotencyKey}</span>
                    </SummaryRow>
                    <SummaryRow label="Received">
                      <RelativeTime at={letter.inboundEvent.receivedAt} />
                    </SummaryRow>
                    <SummaryRow label="Event">
                      <TextLink href={inboundHref(letter.inboundEvent.id)} className="inline-flex items-center gap-1">
                        Open <ArrowRight className="h-3 w-3" aria-hidden />
                      </TextLink>
                    </SummaryRow>
                  </SummaryList>
                ) : (
                  <p className="text-sm text-slate-500">The inbound record has expired; the letter keeps the payload, so it can still be reprocessed.</p>
                )}
              </Card>
            )}
          </>
        }
      />

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
        <TextLink href={deliveryHref(delivery.id)} className="inline-flex items-center gap-1 text-xs">
          Open delivery <ArrowRight className="h-3 w-3" aria-hidden />
        </TextLink>
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
        <TextLink href={inboundHref(letter.inboundEvent.id)} className="mt-2 inline-flex items-center gap-1">
          Open the inbound event <ArrowRight className="h-3 w-3" aria-hidden />
        </TextLink>
      ) : null}
    </div>
  );
}
