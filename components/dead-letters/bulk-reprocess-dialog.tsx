"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import type { BulkSelection } from "@/components/api/letter-filters";
import { useReprocessDryRun, useStartReprocessJob } from "@/components/api/dlq-hooks";
import { formatCount } from "@/components/charts/format";
import { Alert } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { DEFAULT_RATE, estimateText, MAX_RATE, MIN_RATE, parseRate } from "./shape";

export interface BulkReprocessDialogProps {
  /** What to reprocess; null keeps the dialog closed. */
  selection: BulkSelection | null;
  /** The selection in words, e.g. "the 3 selected letters". */
  scope: ReactNode;
  onStarted: (jobId: string) => void;
  onClose: () => void;
}

/** Counts what a bulk reprocess would reach (a dry run), then starts it at the chosen rate. */
export function BulkReprocessDialog({ selection, scope, onStarted, onClose }: BulkReprocessDialogProps) {
  return (
    <ReprocessForm key={selection ? JSON.stringify(selection) : "closed"} selection={selection} scope={scope} onStarted={onStarted} onClose={onClose} />
  );
}

/** Keyed by the selection, so each opening starts from the default rate and a fresh count. */
function ReprocessForm({ selection, scope, onStarted, onClose }: BulkReprocessDialogProps) {
  const id = useId();
  const dryRun = useReprocessDryRun(selection);
  const start = useStartReprocessJob();
  const [rateText, setRateText] = useState(String(DEFAULT_RATE));
  const [enableEndpoints, setEnableEndpoints] = useState(false);
  const [touched, setTouched] = useState(false);
  const rateRef = useRef<HTMLInputElement>(null);

  const rate = parseRate(rateText);
  const matched = dryRun.data?.matched ?? null;
  const disabled = dryRun.data?.disabledEndpoints ?? [];
  const needsConsent = disabled.length > 0 && !enableEndpoints;
  // An invalid rate does not disable the button: submitting shows why under the field.
  const canSubmit = matched !== null && matched > 0 && !needsConsent;

  function submit() {
    setTouched(true);
    if (!selection || !rate.ok || !canSubmit) {
      if (!rate.ok) rateRef.current?.focus();
      return;
    }
    start.mutate(
      { selection, ratePerSecond: rate.rate, enableEndpoint: enableEndpoints },
      {
        onSuccess: (created) => onStarted(created.job.id),
      },
    );
  }

  return (
    <FormModal
      open={selection !== null}
      title="Reprocess dead letters"
      description={<>Sends {scope} again, one at a time at the rate you choose, so a recovering endpoint is not flooded.</>}
      submitLabel={matched ? `Reprocess ${formatCount(matched)} ${matched === 1 ? "letter" : "letters"}` : "Reprocess"}
      canSubmit={canSubmit}
      busy={start.isPending}
      onSubmit={submit}
      onCancel={onClose}
    >
      <div aria-live="polite">
        {dryRun.isPending ? (
          <div className="flex items-center gap-2" aria-busy="true">
            <Skeleton className="h-5 w-48" />
            <span className="sr-only">Counting the letters…</span>
          </div>
        ) : dryRun.isError ? (
          <Alert tone="error" title="The letters could not be counted">
            {dryRun.error.message}
          </Alert>
        ) : matched === 0 ? (
          <Alert tone="info" title="No pending letters match">
            They may have been reprocessed or discarded meanwhile; only pending letters can be reprocessed.
          </Alert>
        ) : (
          <p className="text-base text-slate-900" data-testid="dry-run-count">
            <span className="font-semibold tabular-nums">{formatCount(matched ?? 0)}</span> pending {matched === 1 ? "letter" : "letters"} will be sent again.
          </p>
        )}
      </div>

      {disabled.length > 0 ? (
        <Alert tone="warning" title={disabled.length === 1 ? "Their endpoint is disabled" : `${disabled.length} of their endpoints are disabled`}>
          <ul className="mt-1 flex flex-col gap-0.5">
            {disabled.map((e) => (
              <li key={e.id} className="break-all font-mono text-xs">
                {e.url}
                {e.disabledReason ? <span className="font-sans text-amber-800"> · {e.disabledReason}</span> : null}
              </li>
            ))}
          </ul>
          <Checkbox
            id={`${id}-enable`}
            className="mt-2"
            checked={enableEndpoints}
            onChange={(e) => setEnableEndpoints(e.target.checked)}
            label={disabled.length === 1 ? "Re-enable it and reprocess" : "Re-enable them and reprocess"}
            description="Letters to a disabled endpoint cannot be sent."
          />
        </Alert>
      ) : null}

      <Field
        id={`${id}-rate`}
        label="Rate"
        error={!rate.ok && touched ? rate.message : undefined}
        hint={rate.ok && matched ? `Letters per second. ${formatCount(matched)} at this rate: ${estimateText(matched, rate.rate)}.` : `Letters per second, ${MIN_RATE} to ${formatCount(MAX_RATE)}.`}
      >
        {(control) => (
          // The suffix sits inside the input's own box, so the box is narrowed rather than the input.
          <div className="max-w-40">
            <Input
              {...control}
              ref={rateRef}
              type="number"
              inputMode="decimal"
              min={MIN_RATE}
              max={MAX_RATE}
              step="any"
              suffix="/ s"
              autoFocus
              value={rateText}
              onChange={(e) => setRateText(e.target.value)}
              onBlur={() => setTouched(true)}
            />
          </div>
        )}
      </Field>
    </FormModal>
  );
}
