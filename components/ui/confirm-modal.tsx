"use client";

import { useId, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { useModalDialog } from "./use-modal-dialog";

export interface ConfirmModalProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** "danger" for what cannot be undone (delete, rotate); "primary" otherwise. */
  tone?: Extract<ButtonVariant, "danger" | "primary">;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, closes on Escape
 * and gives focus back to the button that opened it. Cancel takes the initial focus so an
 * Enter pressed out of habit does not confirm something destructive.
 */
export function ConfirmModal({ open, title, children, confirmLabel, tone = "danger", busy = false, onConfirm, onCancel }: ConfirmModalProps) {
  const ref = useModalDialog(open);
  const titleId = useId();

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-0 shadow-2xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-[1px]"
    >
      <div className="px-5 pb-4 pt-5">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <div className="mt-2 text-sm text-slate-600">{children}</div>
      </div>
      <div className="flex justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50 px-5 py-3">
        <Button onClick={onCancel} disabled={busy} autoFocus>
          Cancel
        </Button>
        <Button variant={tone} onClick={onConfirm} loading={busy}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
