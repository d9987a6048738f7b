"use client";

import { clsx } from "clsx";
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "./button";

const RESET_MS = 2_000;

export interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "icon" | "children" | "value"> {
  value: string;
  /** What is copied, for the button's name: "Copy {what}". */
  what: string;
  /** The visible text, when "Copy {what}" says too much ("Copy"). */
  label?: string;
  /** Only the icon, to sit beside an id or inside a code block; the name is still "Copy {what}". */
  iconOnly?: boolean;
}

/**
 * Copies `value` to the clipboard; the button itself says it worked (a tick, "Copied", and an
 * announcement for screen readers), so no toast lands on top of the page.
 */
export function CopyButton({ value, what, label, iconOnly = false, className, size = "md", variant = "secondary", ...props }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), RESET_MS);
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

  const name = `Copy ${what}`;
  if (iconOnly) {
    const Icon = copied ? Check : Copy;
    return (
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={name}
        title={name}
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
  return (
    <Button icon={copied ? Check : Copy} onClick={() => void copy()} size={size} variant={variant} className={className} {...props}>
      {copied ? "Copied" : (label ?? name)}
    </Button>
  );
}
