import { clsx } from "clsx";
import type { ReactNode } from "react";

/** What a control inside a Field needs so its label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  /** The validation message; it replaces the hint while shown. */
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A label, a control and one line under it (hint or error). The control comes from a
 * render function so the ids that tie them together cannot be forgotten.
 */
export function Field({ id, label, error, hint, className, children }: FieldProps) {
  const noteId = error || hint ? `${id}-note` : undefined;
  return (
    <div className={clsx("flex min-w-0 flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": noteId })}
      {error ? (
        <p id={noteId} className="text-xs text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={noteId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
