import { clsx } from "clsx";
import type { ComponentProps } from "react";
import { TONE_CLASSES, type StatusMeta, type Tone } from "./tone";

export interface BadgeProps extends ComponentProps<"span"> {
  tone?: Tone;
  /** A coloured dot before the text, for states ("Enabled") rather than labels ("Default"). */
  dot?: boolean;
  /** Animates the dot, for states that are still changing ("In flight"). */
  pulse?: boolean;
}

/** A short label in a tinted pill; the text carries the meaning, the colour only repeats it. */
export function Badge({ tone = "neutral", dot = false, pulse = false, className, children, ...props }: BadgeProps) {
  const t = TONE_CLASSES[tone];
  return (
    <span className={clsx("inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", t.soft, className)} {...props}>
      {dot ? (
        <span className="relative flex h-1.5 w-1.5 shrink-0" aria-hidden>
          {pulse ? <span className={clsx("absolute inline-flex h-full w-full animate-ping rounded-full opacity-75", t.dot)} /> : null}
          <span className={clsx("relative inline-flex h-1.5 w-1.5 rounded-full", t.dot)} />
        </span>
      ) : null}
      {children}
    </span>
  );
}

/** A record's state as a badge: its label and colour, what it means on hover, a pulse while it still changes. */
export function StatusBadge({ meta, live = false, className }: { meta: StatusMeta; live?: boolean; className?: string }) {
  return (
    <Badge tone={meta.tone} dot pulse={live} title={meta.description || undefined} className={className}>
      {meta.label}
    </Badge>
  );
}
