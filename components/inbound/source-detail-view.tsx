"use client";

import { KeyRound, Pencil, RefreshCw, SearchX, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/components/api/fetcher";
import { useDeleteSource, useSource, type InboundSource, type SourceWithSecretView } from "@/components/api/source-hooks";
import { formatDuration } from "@/components/charts/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { Skeleton } from "@/components/ui/skeleton";
import { EditSourceModal } from "./edit-source-modal";
import { CatalogText, PresetFacts } from "./preset-facts";
import { awaitsSecret, presetInfo, presetLabel } from "./presets";
import { RefusalsCard } from "./refusals-card";
import { RotateSecretModal } from "./rotate-secret-modal";
import { SourceSecretOnce } from "./source-secret-once";
import { WebhookUrl } from "./webhook-url";

const BACK = <BackLink href="/inbound">Inbound</BackLink>;
const DEFAULT_SOURCE = "default";

export function SourceDetailView({ id }: { id: string }) {
  const query = useSource(id);
  if (query.isPending) return <DetailSkeleton />;
  if (query.isError && !query.data) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <>
          {BACK}
          <EmptyState icon={SearchX} title="Source not found">
            <p>
              No inbound source has the id <code className="break-all font-mono text-xs">{id}</code>. It may have been deleted.
            </p>
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {BACK}
        <Alert tone="error" title="The source could not be loaded">
          <p>{query.error.message}</p>
          <Button size="sm" icon={RefreshCw} className="mt-2" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </Alert>
      </>
    );
  }
  return <SourceDetail source={query.data} />;
}

function SourceDetail({ source: s }: { source: InboundSource }) {
  const router = useRouter();
  const info = presetInfo(s.provider);
  const remove = useDeleteSource(s.id);
  const [editing, setEditing] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [revealed, setRevealed] = useState<SourceWithSecretView | null>(null);
  const needsSecret = awaitsSecret(s.provider, s.secretHint);

  return (
    <>
      {BACK}
      <header className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="break-all text-2xl font-semibold tracking-tight text-slate-900">{s.name}</h1>
            <Badge tone={s.provider === "none" ? "neutral" : "info"}>{presetLabel(s.provider)}</Badge>
            {needsSecret ? <Badge tone="warning">needs secret</Badge> : null}
          </div>
          {s.description ? <p className="mt-1 max-w-2xl text-sm text-slate-600">{s.description}</p> : null}
          <div className="mt-2 text-sm">
            <WebhookUrl path={s.webhookPath} />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button icon={Pencil} onClick={() => setEditing(true)}>
            Edit
          </Button>
          {info && info.secretOrigin !== "none" ? (
            <Button icon={KeyRound} variant={needsSecret ? "primary" : "secondary"} onClick={() => setRotating(true)}>
              {needsSecret ? "Set secret" : "Rotate secret"}
            </Button>
          ) : null}
          {s.name !== DEFAULT_SOURCE ? (
            <Button icon={Trash2} variant="danger" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          ) : null}
        </div>
      </header>

      {revealed?.secret ? (
        <div className="mb-6">
          <SourceSecretOnce name={s.name} provider={s.provider} secret={revealed.secret} onDone={() => setRevealed(null)} />
        </div>
      ) : null}
      {needsSecret && info ? (
        <Alert tone="warning" title="Every request is refused until the secret is set" className="mb-6">
          {info.secretHelp}
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <RefusalsCard sourceId={s.id} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={info ? `What ${info.label} checks` : "Preset"} description={info ? <CatalogText text={info.summary.setup} /> : `Unknown preset "${s.provider}"`}>
            {info ? <PresetFacts info={info} stacked /> : null}
          </Card>
          <Card title="Settings">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">Secret</dt>
              <dd className="min-w-0 font-mono text-xs text-slate-800">{s.secretHint ?? (info?.secretOrigin === "none" ? "none" : "not set")}</dd>
              {s.previousSecretExpiresAt ? (
                <>
                  <dt className="text-slate-500">Old secret</dt>
                  <dd className="text-slate-800">
                    accepted until <RelativeTime at={s.previousSecretExpiresAt} />
                  </dd>
                </>
              ) : null}
              {s.provider === "custom" ? (
                <>
                  <dt className="text-slate-500">Signature</dt>
                  <dd className="min-w-0 break-all font-mono text-xs text-slate-800">
                    {s.signatureHeader}: {s.signaturePrefix}
                    {"<"}
                    {s.signatureEncoding ?? "hex or base64"}
                    {">"}
                  </dd>
                </>
              ) : null}
              <dt className="text-slate-500">Keys kept</dt>
              <dd className="text-slate-800">{formatDuration(s.idempotencyTtlSeconds * 1000)}</dd>
              <dt className="text-slate-500">Rate limit</dt>
              <dd className="text-slate-800">{s.rateLimitPerSecond ? `${s.rateLimitPerSecond} per second` : "none"}</dd>
              <dt className="text-slate-500">Created</dt>
              <dd className="text-slate-800">
                <RelativeTime at={s.createdAt} />
              </dd>
            </dl>
          </Card>
        </div>
      </div>

      {editing ? <EditSourceModal source={s} onClose={() => setEditing(false)} /> : null}
      {rotating && info ? (
        <RotateSecretModal
          source={s}
          info={info}
          onClose={() => setRotating(false)}
          onRotated={(rotated) => {
            setRotating(false);
            // A secret the operator pasted is not shown back; one Hookrelay made must be, this once.
            if (info.secretOrigin === "generated") setRevealed(rotated);
          }}
        />
      ) : null}
      <ConfirmModal
        open={deleting}
        title={`Delete the source “${s.name}”?`}
        confirmLabel="Delete source"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push("/inbound"), onSettled: () => setDeleting(false) })}
        onCancel={() => setDeleting(false)}
      >
        <p>
          Requests to <code className="font-mono text-xs">{s.webhookPath}</code> will be answered 404, and the source&apos;s inbound events and refusals are deleted with it.
        </p>
      </ConfirmModal>
    </>
  );
}

function DetailSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the source">
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
