"use client";

import { Activity, Pause, Play, Send, Trash2, Waypoints } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDeleteEndpoint, useEndpoint, useSetEndpointEnabled, useSettleHeld, type EndpointDetail } from "@/components/api/endpoint-hooks";
import { policyHref } from "@/components/api/hrefs";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { DetailState } from "@/components/ui/detail-state";
import { LinkButton } from "@/components/ui/link-button";
import { DateTime, Elapsed, RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { EditEndpointCard } from "./edit-endpoint-card";
import { EventTypeChips } from "./event-type-chips";
import { deliveriesHref, HealthStats, LastFailureCard } from "./health-section";
import { LatencyCard } from "./latency-card";
import { RecentDeliveriesCard } from "./recent-deliveries-card";
import { SigningSecretCard } from "./signing-secret-card";
import { TestEventCard } from "./test-event-card";
import { EndpointStatusBadge } from "./status-badge";
import { endpointStatus } from "./status";

function Header({ endpoint }: { endpoint: EndpointDetail }) {
  const toggle = useSetEndpointEnabled(endpoint.id);
  const [confirmDisable, setConfirmDisable] = useState(false);

  return (
    <header className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <EndpointStatusBadge endpoint={endpoint} />
          <span className="text-xs text-slate-500">
            Created <RelativeTime at={endpoint.createdAt} /> ·{" "}
            {endpoint.policy ? (
              <>
                Policy{" "}
                <TextLink href={policyHref(endpoint.policy.id)}>{endpoint.policy.name}</TextLink>
              </>
            ) : (
              "Follows the default policy"
            )}
          </span>
        </div>
        <h1 className="mt-2 break-all font-mono text-xl font-semibold tracking-tight text-slate-900">{endpoint.url}</h1>
        {endpoint.description ? <p className="mt-1 max-w-2xl text-sm text-slate-600">{endpoint.description}</p> : null}
        <EventTypeChips types={endpoint.eventTypes} max={8} className="mt-2" />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <LinkButton href={deliveriesHref(endpoint.id)} icon={Send}>
          Deliveries
        </LinkButton>
        {endpoint.enabled ? (
          <Button icon={Pause} onClick={() => setConfirmDisable(true)} loading={toggle.isPending}>
            Disable
          </Button>
        ) : (
          <Button variant="primary" icon={Play} onClick={() => toggle.mutate(true)} loading={toggle.isPending}>
            Re-enable
          </Button>
        )}
      </div>
      <ConfirmModal
        open={confirmDisable}
        title="Disable this endpoint?"
        confirmLabel="Disable endpoint"
        busy={toggle.isPending}
        onConfirm={() => toggle.mutate(false, { onSettled: () => setConfirmDisable(false) })}
        onCancel={() => setConfirmDisable(false)}
      >
        <p>Hookrelay stops sending to it. Its deliveries are held, not sent and not lost: after re-enabling it you choose to send or discard them.</p>
      </ConfirmModal>
    </header>
  );
}

/** Why the endpoint needs attention, with the way out, above everything else on the page. */
function StateBanner({ endpoint }: { endpoint: EndpointDetail }) {
  const toggle = useSetEndpointEnabled(endpoint.id);
  const status = endpointStatus(endpoint);
  if (status === "disabled") {
    return (
      <Alert
        tone="error"
        title={
          endpoint.disabledAt ? (
            <>
              Disabled <RelativeTime at={endpoint.disabledAt} />
            </>
          ) : (
            "Disabled"
          )
        }
        className="mb-6"
      >
        <p>
          <span className="font-medium">{endpoint.disabledReason ?? "No reason recorded"}.</span> Nothing is sent to it. Its deliveries are held:{" "}
          <span data-testid="held-count">{heldWords(endpoint.heldDeliveries)}</span> so far. Once it is re-enabled you can send them or discard them.
        </p>
        <Button size="sm" variant="primary" icon={Play} className="mt-3" onClick={() => toggle.mutate(true)} loading={toggle.isPending}>
          Re-enable endpoint
        </Button>
      </Alert>
    );
  }
  if (endpoint.heldDeliveries > 0) return <HeldBanner endpoint={endpoint} />;
  if (status === "failing" && endpoint.failingSince) {
    return (
      <Alert
        tone="warning"
        title={
          <>
            Failing for <Elapsed since={endpoint.failingSince} />
          </>
        }
        className="mb-6"
      >
        Every attempt since <DateTime at={endpoint.failingSince} /> has failed. Hookrelay keeps retrying on the endpoint&apos;s policy and disables it automatically if it keeps failing; one
        successful delivery clears this.
      </Alert>
    );
  }
  return null;
}

const heldWords = (n: number) => (n === 1 ? "1 delivery" : `${n} deliveries`);

/** Deliveries made while the endpoint was disabled, waiting for the operator's word. */
function HeldBanner({ endpoint }: { endpoint: EndpointDetail }) {
  const settle = useSettleHeld(endpoint.id);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const n = endpoint.heldDeliveries;
  return (
    <Alert tone="warning" title={`${heldWords(n)} held while it was disabled`} className="mb-6">
      <p>
        They were never sent. Sending them delivers each at the endpoint&apos;s own pace
        {endpoint.rateLimitPerSecond ? ` (at most ${endpoint.rateLimitPerSecond} a second)` : ""}; discarding marks them failed.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="primary" icon={Send} onClick={() => settle.mutate("send")} loading={settle.isPending && settle.variables === "send"} disabled={settle.isPending}>
          Send {heldWords(n)}
        </Button>
        <Button size="sm" icon={Trash2} onClick={() => setConfirmDiscard(true)} disabled={settle.isPending}>
          Discard them
        </Button>
      </div>
      <ConfirmModal
        open={confirmDiscard}
        title={`Discard ${heldWords(n)}?`}
        confirmLabel="Discard"
        busy={settle.isPending}
        onConfirm={() => settle.mutate("discard", { onSettled: () => setConfirmDiscard(false) })}
        onCancel={() => setConfirmDiscard(false)}
      >
        <p>They are marked failed and never sent. This cannot be undone.</p>
      </ConfirmModal>
    </Alert>
  );
}

function DangerCard({ endpoint }: { endpoint: EndpointDetail }) {
  const router = useRouter();
  const remove = useDeleteEndpoint(endpoint.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <Card title="Delete endpoint" className="border-red-200">
      <p className="text-sm text-slate-600">Its deliveries and their attempts are deleted with it. Its dead letters stay, unlinked, for the record.</p>
      <Button variant="danger" icon={Trash2} className="mt-3" onClick={() => setConfirming(true)}>
        Delete endpoint
      </Button>
      <ConfirmModal
        open={confirming}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        busy={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => router.push("/endpoints"),
            onSettled: () => setConfirming(false),
          })
        }
        onCancel={() => setConfirming(false)}
      >
        <p className="break-all font-mono text-xs text-slate-800">{endpoint.url}</p>
        <p className="mt-2">Hookrelay stops delivering to it at once and deletes its delivery history. This cannot be undone.</p>
      </ConfirmModal>
    </Card>
  );
}

function ToolsCard({ endpoint }: { endpoint: EndpointDetail }) {
  return (
    <Card title="Try another policy">
      <p className="text-sm text-slate-600">Replay this endpoint&apos;s recorded history under a candidate retry policy before you switch it.</p>
      <LinkButton href={`/simulator?tab=backtest&ep=${encodeURIComponent(endpoint.id)}`} icon={Activity} size="sm" className="mt-3">
        Backtest in the simulator
      </LinkButton>
    </Card>
  );
}

function Loading() {
  return (
    <>
      <Skeleton className="mb-2 h-5 w-40" />
      <Skeleton className="mb-6 h-7 w-2/3" />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-96 rounded-xl" />
    </>
  );
}

export function EndpointDetailView({ id }: { id: string }) {
  return (
    <DetailState
      query={useEndpoint(id)}
      back={<BackLink href="/endpoints">Endpoints</BackLink>}
      what="endpoint"
      skeleton={<Loading />}
      id={id}
      notFound={{ icon: Waypoints, title: "Endpoint not found", why: "It may have been deleted.", list: { href: "/endpoints", label: "All endpoints" } }}
    >
      {(endpoint) => (
        <>
          <Header endpoint={endpoint} />
          <StateBanner endpoint={endpoint} />
          <HealthStats endpoint={endpoint} />
          <div className="mt-6 grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
            <div className="flex min-w-0 flex-col gap-6">
              <RecentDeliveriesCard endpointId={endpoint.id} />
              <LatencyCard endpointId={endpoint.id} />
              <LastFailureCard endpoint={endpoint} />
              <EditEndpointCard endpoint={endpoint} />
            </div>
            <div className="flex min-w-0 flex-col gap-6">
              <TestEventCard endpoint={endpoint} />
              <SigningSecretCard endpoint={endpoint} />
              <ToolsCard endpoint={endpoint} />
              <DangerCard endpoint={endpoint} />
            </div>
          </div>
        </>
      )}
    </DetailState>
  );
}
