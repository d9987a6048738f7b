"use client";

import { FlaskConical } from "lucide-react";
import { useDelivery } from "@/components/api/delivery-hooks";
import { useSendTestEvent, type EndpointDetail } from "@/components/api/endpoint-hooks";
import { deliveryHref } from "@/components/api/hrefs";
import { formatDuration } from "@/components/charts/format";
import { DeliveryStatusBadge, StatusCode } from "@/components/deliveries/status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";

/** The test delivery as it goes: its status, what the endpoint answered, a link to its timeline. */
function TestResult({ deliveryId }: { deliveryId: string }) {
  const { data } = useDelivery(deliveryId);
  if (!data) return <p className="mt-3 text-sm text-slate-600">Queued…</p>;
  const last = data.attempts.at(-1);
  return (
    <div className="mt-3 flex flex-col gap-1 text-sm" data-testid="test-event-result">
      <span className="flex flex-wrap items-center gap-2">
        <DeliveryStatusBadge status={data.status} />
        {last ? (
          <span className="flex items-center gap-1.5 text-slate-600">
            {last.statusCode !== null ? <StatusCode code={last.statusCode} /> : <span>{last.error ?? "no answer"}</span>}
            <span>in {formatDuration(last.durationMs)}</span>
          </span>
        ) : null}
      </span>
      <TextLink href={deliveryHref(deliveryId)}>Open the test delivery</TextLink>
    </div>
  );
}

/** Sends a hookrelay.test event to this endpoint alone and shows how it went, in place. */
export function TestEventCard({ endpoint }: { endpoint: EndpointDetail }) {
  const send = useSendTestEvent(endpoint.id);
  return (
    <Card title="Send a test event">
      <p className="text-sm text-slate-600">A signed hookrelay.test event to this endpoint only, retried like any other.</p>
      <Button size="sm" icon={FlaskConical} className="mt-3" onClick={() => send.mutate()} loading={send.isPending} disabled={!endpoint.enabled}>
        Send test event
      </Button>
      {!endpoint.enabled ? <p className="mt-2 text-xs text-slate-500">Re-enable the endpoint to send it a test event.</p> : null}
      {send.data ? <TestResult key={send.data.deliveryId} deliveryId={send.data.deliveryId} /> : null}
    </Card>
  );
}
