"use client";

import { clsx } from "clsx";
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";

export interface IconCopyButtonProps {
  value: string;
  /** What is copied, for the button's accessible name: "Copy {label}". */
  label: string;
  className?: string;
}

/**
 * A compact copy control to sit beside an id or inside a code block: the icon turns into a
 * tick for a moment, and screen readers hear "Copied".
 */
export function IconCopyButton({ value, label, className }: IconCopyButtonProps) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // The clipboard API exists only in secure contexts (https or localhost).
      toast.error("Could not copy", { description: "Select the text and copy it by hand." });
    }
  }

  const Icon = copied ? Check : Copy;
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      className={clsx(
        "inline-flex shrink-0 items-center rounded-md p-1 text-slate-500 transition-colors hover:bg-slate-100 hover:text-slate-800",
        "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
        className,
      )}
    >
      <Icon className={clsx("h-3.5 w-3.5", copied && "text-emerald-600")} aria-hidden />
      <span className="sr-only" aria-live="polite">
        {copied ? "Copied" : ""}
      </span>
    </button>
  );
}
