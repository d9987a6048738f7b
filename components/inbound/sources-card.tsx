"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound, Plus, RefreshCw } from "lucide-react";
import { useId, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { useCreateSource, useSources, type CreatedSource } from "@/components/api/inbound-hooks";
import { formatDuration } from "@/components/charts/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { FormModal } from "@/components/ui/form-modal";
import { IconCopyButton } from "@/components/ui/icon-copy-button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { DEFAULT_SOURCE_VALUES, SIGNING_SCHEME_OPTIONS, sourceFormSchema, toCreateSourceInput, type SourceFormValues } from "./source-form-schema";

const schemeLabel = (scheme: string) => SIGNING_SCHEME_OPTIONS.find((o) => o.value === scheme)?.label ?? scheme;

/** Where providers post for each source, and a form to add one; a new source's secret is shown once. */
export function SourcesCard() {
  const sources = useSources();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedSource | null>(null);

  return (
    <Card
      title="Sources"
      description="Each provider posts to its own URL, with its own signature check and idempotency window."
      actions={
        <Button size="sm" icon={Plus} onClick={() => setCreating(true)}>
          New source
        </Button>
      }
    >
      {created?.secret ? (
        <div className="mb-4">
          <SecretOnce source={created} onDone={() => setCreated(null)} />
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
              <Th>Webhook URL</Th>
              <Th>Signing</Th>
              <Th>Keys kept</Th>
            </tr>
          </thead>
          <tbody>
            {sources.data.map((s) => (
              <tr key={s.id}>
                <Td>
                  <span className="font-medium text-slate-900">{s.name}</span>
                  {s.description ? <span className="block max-w-56 truncate text-xs text-slate-500" title={s.description}>{s.description}</span> : null}
                </Td>
                <Td>
                  <span className="inline-flex items-center gap-1">
                    <code className="font-mono text-xs text-slate-700">POST {s.webhookPath}</code>
                    <WebhookUrlCopy path={s.webhookPath} />
                  </span>
                </Td>
                <Td>
                  {s.signingScheme === "none" ? (
                    <Badge>unsigned</Badge>
                  ) : (
                    <span className="inline-flex items-center gap-2">
                      <Badge tone="info">{schemeLabel(s.signingScheme)}</Badge>
                      {s.secretHint ? <span className="font-mono text-xs text-slate-500">{s.secretHint}</span> : null}
                    </span>
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

function WebhookUrlCopy({ path }: { path: string }) {
  // The absolute URL depends on where the dashboard is served from, known only in the browser.
  const url = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  return <IconCopyButton value={url} label={`webhook URL ${path}`} />;
}

function SecretOnce({ source, onDone }: { source: CreatedSource; onDone: () => void }) {
  return (
    <section aria-label={`Signing secret of ${source.name}`} className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <div className="flex items-start gap-3">
        <KeyRound className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" aria-hidden />
        <div className="min-w-0 flex-1">
          <h3 className="text-sm font-semibold text-amber-950">The signing secret of “{source.name}”</h3>
          <p className="mt-0.5 text-sm text-amber-900">This is the only time it is shown. Give it to the provider so it signs what it posts to {source.webhookPath}.</p>
          <code data-testid="source-secret" className="mt-3 block select-all break-all rounded-md border border-amber-200 bg-white px-3 py-2 font-mono text-xs leading-5 text-slate-900">
            {source.secret}
          </code>
          <div className="mt-2 flex flex-wrap gap-2">
            <CopyButton value={source.secret ?? ""} what="Secret" label="Copy secret" />
            <Button variant="ghost" onClick={onDone}>
              I have stored it
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}

const FIELDS = ["name", "description", "signingScheme"] as const;

function NewSourceModal({ onClose, onCreated }: { onClose: () => void; onCreated: (source: CreatedSource) => void }) {
  const id = useId();
  const create = useCreateSource();
  const {
    register,
    control,
    handleSubmit,
    watch,
    setError,
    formState: { errors },
  } = useForm<SourceFormValues, unknown, z.output<typeof sourceFormSchema>>({ resolver: zodResolver(sourceFormSchema), defaultValues: DEFAULT_SOURCE_VALUES });
  const scheme = watch("signingScheme");

  const submit = handleSubmit((values) =>
    create.mutate(toCreateSourceInput(values), {
      onSuccess: onCreated,
      onError: (err) => applyFieldErrors(err, FIELDS, setError),
    }),
  );

  return (
    <FormModal
      open
      title="New inbound source"
      description="Providers post to /api/webhook/{name}; each source keeps its own idempotency keys."
      submitLabel="Create source"
      busy={create.isPending}
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <Field id={`${id}-name`} label="Name" error={errors.name?.message} hint="Lowercase letters, digits, '-' and '_': it becomes the last part of the URL.">
        {(c) => <Input {...c} {...register("name")} autoFocus autoComplete="off" spellCheck={false} placeholder="stripe" />}
      </Field>
      <Field id={`${id}-description`} label="Description" error={errors.description?.message} hint="Optional.">
        {(c) => <Input {...c} {...register("description")} autoComplete="off" placeholder="Stripe account events" />}
      </Field>
      <Field id={`${id}-scheme`} label="Signature check" error={errors.signingScheme?.message} hint={SIGNING_SCHEME_OPTIONS.find((o) => o.value === scheme)?.hint}>
        {(c) => (
          <Select {...c} {...register("signingScheme")}>
            {SIGNING_SCHEME_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${id}-ttl`} label="Keep idempotency keys for" error={errors.ttlHours?.message} hint="A duplicate arriving within this window is answered from the stored result.">
        {(c) => (
          <Controller
            control={control}
            name="ttlHours"
            render={({ field }) => (
              <div className="max-w-40">
                <Input
                  {...c}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={720}
                  suffix="hours"
                  name={field.name}
                  ref={field.ref}
                  value={Number.isNaN(field.value) ? "" : field.value}
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))}
                />
              </div>
            )}
          />
        )}
      </Field>
    </FormModal>
  );
}
