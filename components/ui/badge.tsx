import { clsx } from "clsx";
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

const TONES: Record<BadgeTone, { box: string; dot: string }> = {
  neutral: { box: "bg-slate-100 text-slate-700 ring-slate-200", dot: "bg-slate-400" },
  info: { box: "bg-brand-50 text-brand-700 ring-brand-100", dot: "bg-brand-500" },
  success: { box: "bg-emerald-50 text-emerald-700 ring-emerald-200", dot: "bg-emerald-500" },
  warning: { box: "bg-amber-50 text-amber-800 ring-amber-200", dot: "bg-amber-500" },
  danger: { box: "bg-red-50 text-red-700 ring-red-200", dot: "bg-red-500" },
};

export interface BadgeProps {
  tone?: BadgeTone;
  /** A coloured dot before the text; `pulse` animates it for states that are still changing. */
  dot?: boolean;
  pulse?: boolean;
  title?: string;
  className?: string;
  children: ReactNode;
}

/** A short label in a tinted pill; the text carries the meaning, the colour only repeats it. */
export function Badge({ tone = "neutral", dot = false, pulse = false, title, className, children }: BadgeProps) {
  const t = TONES[tone];
  return (
    <span title={title} className={clsx("inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", t.box, className)}>
      {dot ? (
        <span className="relative flex h-1.5 w-1.5" aria-hidden>
          {pulse ? <span className={clsx("absolute inline-flex h-full w-full animate-ping rounded-full opacity-75", t.dot)} /> : null}
          <span className={clsx("relative inline-flex h-1.5 w-1.5 rounded-full", t.dot)} />
        </span>
      ) : null}
      {children}
    </span>
  );
}
