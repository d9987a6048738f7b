"use client";

import { clsx } from "clsx";
import { useEffect, useRef, useState, type ComponentProps, type ReactNode, type RefObject } from "react";

/** Whether the element's content is wider than the element, kept up to date as either resizes. */
function useOverflowsX(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setOverflows(el.scrollWidth > el.clientWidth + 1));
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}

/**
 * A table that scrolls sideways inside its box on narrow screens instead of widening the
 * page. While it does, the box is a named region in the tab order, so it can be scrolled
 * with the keyboard.
 */
export function Table({ caption, className, children }: { caption?: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const scrolls = useOverflowsX(ref);
  return (
    <div
      ref={ref}
      role={scrolls ? "region" : undefined}
      aria-label={scrolls ? caption : undefined}
      tabIndex={scrolls ? 0 : undefined}
      className={clsx("relative overflow-x-auto focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500", className)}
    >
      <table className="w-full border-collapse text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export interface ThProps extends ComponentProps<"th"> {
  align?: "left" | "right";
  /** "row" heads a row: read in normal case, beside the values it names. */
  scope?: "col" | "row";
  /** Column heads are small capitals unless they hold names ("Policy A"), which keep their case. */
  caps?: boolean;
}

export function Th({ className, align = "left", scope = "col", caps = true, ...props }: ThProps) {
  return (
    <th
      scope={scope}
      className={clsx(
        "whitespace-nowrap px-3 py-2 first:pl-0 last:pr-0",
        scope === "row"
          ? "border-b border-slate-100 text-sm font-normal text-slate-600"
          : clsx("border-b border-slate-200 text-xs font-medium", caps ? "uppercase tracking-wide text-slate-500" : "text-slate-900"),
        align === "right" ? "text-right" : "text-left",
        className,
      )}
      {...props}
    />
  );
}

export interface TdProps extends ComponentProps<"td"> {
  align?: "left" | "right";
  /** Lets long text (a reason, a message) wrap instead of widening the table. */
  wrap?: boolean;
}

export function Td({ className, align = "left", wrap = false, ...props }: TdProps) {
  return (
    <td
      className={clsx(
        "border-b border-slate-100 px-3 py-2 text-slate-700 first:pl-0 last:pr-0",
        wrap ? "whitespace-normal" : "whitespace-nowrap",
        align === "right" ? "text-right tabular-nums" : "text-left",
        className,
      )}
      {...props}
    />
  );
}
