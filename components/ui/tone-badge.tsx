import { clsx } from "clsx";
import type { ComponentProps } from "react";

export type BadgeTone = "neutral" | "brand" | "good" | "warn" | "bad";

const TONES: Record<BadgeTone, { box: string; dot: string }> = {
  neutral: { box: "bg-slate-100 text-slate-700 ring-slate-200", dot: "bg-slate-400" },
  brand: { box: "bg-brand-50 text-brand-700 ring-brand-100", dot: "bg-brand-500" },
  good: { box: "bg-emerald-50 text-emerald-800 ring-emerald-200", dot: "bg-emerald-500" },
  warn: { box: "bg-amber-50 text-amber-900 ring-amber-200", dot: "bg-amber-500" },
  bad: { box: "bg-red-50 text-red-800 ring-red-200", dot: "bg-red-500" },
};

export interface ToneBadgeProps extends ComponentProps<"span"> {
  tone?: BadgeTone;
  /** A coloured dot before the text: for states ("Enabled"), not labels ("Default"). */
  dot?: boolean;
}

/** A small rounded label; the colour repeats what the text says, never replaces it. */
export function ToneBadge({ tone = "neutral", dot = false, className, children, ...props }: ToneBadgeProps) {
  const { box, dot: dotClass } = TONES[tone];
  return (
    <span className={clsx("inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", box, className)} {...props}>
      {dot ? <span className={clsx("h-1.5 w-1.5 shrink-0 rounded-full", dotClass)} aria-hidden /> : null}
      {children}
    </span>
  );
}
