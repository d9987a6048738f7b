import { clsx } from "clsx";
import type { ReactNode } from "react";
import { TONE_CLASSES, type Tone } from "./tone";


export interface StatProps {
  label: string;
  value: ReactNode;
  /** A comparison or context under the value ("theory 97.4%"). */
  detail?: ReactNode;
  tone?: Tone;
  className?: string;
}

/** A labelled figure; label and value form a description list pair for screen readers. */
export function Stat({ label, value, detail, tone = "neutral", className }: StatProps) {
  return (
    <div className={clsx("min-w-0 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm", className)}>
      <dl>
        <dt className="truncate text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
        <dd className={clsx("mt-1 truncate text-2xl font-semibold tabular-nums", tone === "neutral" ? "text-slate-900" : TONE_CLASSES[tone].text)}>{value}</dd>
        {detail ? <dd className="mt-0.5 text-xs text-slate-500">{detail}</dd> : null}
      </dl>
    </div>
  );
}
