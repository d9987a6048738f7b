"use client";

import { Plus, RefreshCw } from "lucide-react";
import { useState } from "react";
import { useSources, type SourceWithSecretView } from "@/components/api/source-hooks";
import { formatCount, formatDuration } from "@/components/charts/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { NewSourceModal } from "./new-source-modal";
import { awaitsSecret, presetLabel } from "./presets";
import { SourceSecretOnce } from "./source-secret-once";
import { WebhookUrl } from "./webhook-url";

const sourceHref = (id: string) => `/inbound/sources/${encodeURIComponent(id)}`;


/** Where providers post for each source, what each refused lately, and a form to add one; a new source's secret is shown once. */
export function SourcesCard() {
  const sources = useSources();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<SourceWithSecretView | null>(null);
  const refused = sources.data?.reduce((n, s) => n + s.refusedLastDay, 0) ?? 0;

  return (
    <Card
      title="Sources"
      description={
        <>
          Each provider posts to its own URL, with its own signature check and idempotency window.
          {refused > 0 ? (
            <span className="font-medium text-red-700" data-testid="refused-total">
              {" "}
              {formatCount(refused)} {refused === 1 ? "request" : "requests"} refused at the door in the last 24 hours.
            </span>
          ) : null}
        </>
      }
      actions={
        <Button size="sm" icon={Plus} onClick={() => setCreating(true)}>
          New source
        </Button>
      }
    >
      {created?.secret ? (
        <div className="mb-4">
          <SourceSecretOnce name={created.name} provider={created.provider} secret={created.secret} onDone={() => setCreated(null)} />
        </div>
      ) : null}
      {sources.isPending ? (
        <div className="flex flex-col gap-2">
          <Skeleton className="h-8" />
          <Skeleton className="h-8" />
        </div>
      ) : sources.isError ? (
        <Alert tone="error" title="Sources could not be loaded">
          <p>{sources.error.message}</p>
          <Button size="sm" icon={RefreshCw} className="mt-2" onClick={() => void sources.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <Table caption="Inbound sources">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Provider</Th>
              <Th>Webhook URL</Th>
              <Th align="right">Refused (24 h)</Th>
              <Th>Keys kept</Th>
            </tr>
          </thead>
          <tbody>
            {sources.data.map((s) => (
              <tr key={s.id}>
                <Td>
                  <TextLink href={sourceHref(s.id)}>{s.name}</TextLink>
                  {s.description ? (
                    <span className="block max-w-56 truncate text-xs text-slate-500" title={s.description}>
                      {s.description}
                    </span>
                  ) : null}
                </Td>
                <Td>
                  <span className="inline-flex items-center gap-2">
                    <Badge tone={s.provider === "none" ? "neutral" : "info"}>{presetLabel(s.provider)}</Badge>
                    {awaitsSecret(s.provider, s.secretHint) ? <Badge tone="warning">needs secret</Badge> : null}
                  </span>
                </Td>
                <Td>
                  <WebhookUrl path={s.webhookPath} />
                </Td>
                <Td align="right">
                  {s.refusedLastDay > 0 ? (
                    <TextLink href={sourceHref(s.id)} className="tabular-nums text-red-700" aria-label={`${s.refusedLastDay} refused by ${s.name}`}>
                      {formatCount(s.refusedLastDay)}
                    </TextLink>
                  ) : (
                    <span className="tabular-nums text-slate-500">0</span>
                  )}
                </Td>
                <Td>{formatDuration(s.idempotencyTtlSeconds * 1000)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {creating ? (
        <NewSourceModal
          onClose={() => setCreating(false)}
          onCreated={(source) => {
            setCreating(false);
            setCreated(source);
          }}
        />
      ) : null}
    </Card>
  );
}
