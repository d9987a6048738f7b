import { clsx } from "clsx";
import type { ComponentProps } from "react";

export const CONTROL_CLASS = clsx(
  "block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm",
  "placeholder:text-slate-500",
  "focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30",
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500",
  "aria-[invalid=true]:border-red-500 aria-[invalid=true]:focus:border-red-500 aria-[invalid=true]:focus:ring-red-500/30",
);

export interface InputProps extends ComponentProps<"input"> {
  /** A unit shown inside the right edge ("ms", "%"); it is also read after the value by screen readers. */
  suffix?: string;
}

export function Input({ suffix, className, ...props }: InputProps) {
  if (!suffix) return <input className={clsx(CONTROL_CLASS, "tabular-nums", className)} {...props} />;
  return (
    <div className="relative">
      <input className={clsx(CONTROL_CLASS, "tabular-nums", suffix.length > 2 ? "pr-12" : "pr-9", className)} {...props} />
      <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-xs text-slate-500" aria-hidden>
        {suffix}
      </span>
    </div>
  );
}
