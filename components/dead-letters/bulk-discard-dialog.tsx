"use client";

import type { ReactNode } from "react";
import type { BulkSelection } from "@/components/api/letter-filters";
import { useBulkDiscard, useDiscardDryRun } from "@/components/api/dlq-hooks";
import { formatCount } from "@/components/charts/format";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { Skeleton } from "@/components/ui/skeleton";

export interface BulkDiscardDialogProps {
  /** What to discard; null keeps the dialog closed. */
  selection: BulkSelection | null;
  scope: ReactNode;
  onDone: () => void;
  onClose: () => void;
}

/** Counts the pending letters a bulk discard would close (a dry run), then discards them on confirmation. */
export function BulkDiscardDialog({ selection, scope, onDone, onClose }: BulkDiscardDialogProps) {
  const dryRun = useDiscardDryRun(selection);
  const discard = useBulkDiscard();
  const matched = dryRun.data?.matched ?? null;

  return (
    <ConfirmModal
      open={selection !== null}
      title="Discard dead letters?"
      confirmLabel={matched ? `Discard ${formatCount(matched)} ${matched === 1 ? "letter" : "letters"}` : "Discard"}
      busy={discard.isPending}
      onCancel={onClose}
      onConfirm={() => {
        // Nothing (left) to discard, or the count is not in yet: the confirmation has nothing to do.
        if (!selection || !matched) {
          if (matched === 0) onClose();
          return;
        }
        discard.mutate(selection, { onSuccess: onDone });
      }}
    >
      <p>Closes {scope} without sending them. They stay on record but can no longer be reprocessed.</p>
      <div className="mt-3" aria-live="polite">
        {dryRun.isPending ? (
          <Skeleton className="h-5 w-40" />
        ) : dryRun.isError ? (
          <p className="text-red-700">The letters could not be counted: {dryRun.error.message}</p>
        ) : matched === 0 ? (
          <p className="font-medium text-slate-900">No pending letters match: there is nothing to discard.</p>
        ) : (
          <p className="font-medium text-slate-900">
            <span className="tabular-nums">{formatCount(matched ?? 0)}</span> pending {matched === 1 ? "letter" : "letters"} will be discarded.
          </p>
        )}
      </div>
    </ConfirmModal>
  );
}
