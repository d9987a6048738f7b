"use client";

import { useId, type FormEvent, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { useModalDialog } from "./use-modal-dialog";

export interface FormModalProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  submitLabel: string;
  submitVariant?: Extract<ButtonVariant, "primary" | "danger">;
  /** The submit button stays disabled while false (a count still loading, an invalid field). */
  canSubmit?: boolean;
  busy?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

/**
 * A modal form on the native <dialog>: the browser traps focus, Escape cancels and focus
 * goes back to the button that opened it; Enter in a field submits, like any form. The
 * first field takes the initial focus (give it `autoFocus`), Cancel otherwise.
 */
export function FormModal({ open, title, description, children, submitLabel, submitVariant = "primary", canSubmit = true, busy = false, onSubmit, onCancel }: FormModalProps) {
  const ref = useModalDialog(open);
  const titleId = useId();
  const descriptionId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (canSubmit && !busy) onSubmit();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl border border-slate-200 bg-white p-0 shadow-2xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-[1px]"
    >
      {open ? (
        <form onSubmit={submit} noValidate>
          <div className="px-5 pb-4 pt-5">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            {description ? (
              <div id={descriptionId} className="mt-1 text-sm text-slate-600">
                {description}
              </div>
            ) : null}
            <div className="mt-4 flex flex-col gap-4 text-sm text-slate-700">{children}</div>
          </div>
          <div className="flex justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50 px-5 py-3">
            <Button onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant={submitVariant} loading={busy} disabled={!canSubmit}>
              {submitLabel}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
