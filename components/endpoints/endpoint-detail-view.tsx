"use client";

import { Activity, Pause, Play, RefreshCw, Send, Trash2, Waypoints } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/components/api/fetcher";
import { useDeleteEndpoint, useEndpoint, useSetEndpointEnabled, type EndpointDetail } from "@/components/api/endpoint-hooks";
import { EmptyState } from "@/components/layout/empty-state";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { LinkButton } from "@/components/ui/link-button";
import { Skeleton } from "@/components/ui/skeleton";
import { relativeTime } from "./dates";
import { EditEndpointCard } from "./edit-endpoint-card";
import { EventTypeChips } from "./event-type-chips";
import { deliveriesHref, HealthStats, LastFailureCard } from "./health-section";
import { SigningSecretCard } from "./signing-secret-card";
import { EndpointStatusBadge } from "./status-badge";
import { endpointStatus } from "./status";

function Header({ endpoint }: { endpoint: EndpointDetail }) {
  const toggle = useSetEndpointEnabled(endpoint.id);
  const [confirmDisable, setConfirmDisable] = useState(false);
  const created = relativeTime(endpoint.createdAt);

  return (
    <header className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <EndpointStatusBadge endpoint={endpoint} />
          <span className="text-xs text-slate-500">
            Created <time dateTime={endpoint.createdAt} title={created.exact}>{created.text}</time> ·{" "}
            {endpoint.policy ? (
              <>
                Policy{" "}
                <Link href={`/policies/${endpoint.policy.id}`} className="font-medium text-brand-700 hover:underline focus-visible:rounded focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
                  {endpoint.policy.name}
                </Link>
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
        <p>Hookrelay stops sending to it. Deliveries that come due while it is disabled go to the dead letter queue, where you can replay them after re-enabling it.</p>
      </ConfirmModal>
    </header>
  );
}

/** Why the endpoint needs attention, with the way out, above everything else on the page. */
function StateBanner({ endpoint }: { endpoint: EndpointDetail }) {
  const toggle = useSetEndpointEnabled(endpoint.id);
  const status = endpointStatus(endpoint);
  if (status === "disabled") {
    const since = endpoint.disabledAt ? relativeTime(endpoint.disabledAt) : null;
    return (
      <Alert tone="error" title={since ? `Disabled ${since.text}` : "Disabled"} className="mb-6">
        <p>
          <span className="font-medium">{endpoint.disabledReason ?? "No reason recorded"}.</span> Nothing is sent to it; deliveries that come due are dead-lettered and
          can be replayed from Dead letters once it is back.
        </p>
        <Button size="sm" variant="primary" icon={Play} className="mt-3" onClick={() => toggle.mutate(true)} loading={toggle.isPending}>
          Re-enable endpoint
        </Button>
      </Alert>
    );
  }
  if (status === "failing" && endpoint.failingSince) {
    const since = relativeTime(endpoint.failingSince);
    return (
      <Alert tone="warning" title={`Failing since ${since.text}`} className="mb-6">
        Every attempt since {since.exact} has failed. Hookrelay keeps retrying on the endpoint&apos;s policy and disables it automatically if it keeps failing; one
        successful delivery clears this.
      </Alert>
    );
  }
  return null;
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
    <div aria-busy="true" aria-label="Loading endpoint">
      <Skeleton className="mb-2 h-5 w-40" />
      <Skeleton className="mb-6 h-7 w-2/3" />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-96 rounded-xl" />
    </div>
  );
}

export function EndpointDetailView({ id }: { id: string }) {
  const query = useEndpoint(id);

  if (query.isPending) {
    return (
      <>
        <BackLink href="/endpoints">Endpoints</BackLink>
        <Loading />
      </>
    );
  }

  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        <BackLink href="/endpoints">Endpoints</BackLink>
        {missing ? (
          <EmptyState icon={Waypoints} title="Endpoint not found">
            It may have been deleted. <LinkButton href="/endpoints" size="sm" className="ml-1">All endpoints</LinkButton>
          </EmptyState>
        ) : (
          <Alert tone="error" title="The endpoint could not be loaded">
            <p>{query.error.message}</p>
            <Button size="sm" icon={RefreshCw} className="mt-2" onClick={() => void query.refetch()}>
              Try again
            </Button>
          </Alert>
        )}
      </>
    );
  }

  const endpoint = query.data;
  return (
    <>
      <BackLink href="/endpoints">Endpoints</BackLink>
      <Header endpoint={endpoint} />
      <StateBanner endpoint={endpoint} />
      <HealthStats endpoint={endpoint} />
      <div className="mt-6 grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <LastFailureCard endpoint={endpoint} />
          <EditEndpointCard endpoint={endpoint} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <SigningSecretCard endpoint={endpoint} />
          <ToolsCard endpoint={endpoint} />
          <DangerCard endpoint={endpoint} />
        </div>
      </div>
    </>
  );
}
