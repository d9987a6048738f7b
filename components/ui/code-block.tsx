import { clsx } from "clsx";
import { CopyButton } from "./copy-button";

export interface CodeBlockProps {
  code: string;
  /** What the block holds, for the copy button's name ("Copy payload"). */
  label: string;
  className?: string;
  /** Long content scrolls inside the block past this height. */
  maxHeightClass?: string;
}

/** Monospace text that keeps its line breaks, scrolls rather than overflowing, and copies in one click. */
export function CodeBlock({ code, label, className, maxHeightClass = "max-h-96" }: CodeBlockProps) {
  return (
    <div className={clsx("relative min-w-0 rounded-lg border border-slate-200 bg-slate-50", className)}>
      <CopyButton iconOnly value={code} what={label} className="absolute right-1.5 top-1.5 bg-slate-50/90" />
      <pre
        tabIndex={0}
        aria-label={label}
        className={clsx(
          "overflow-auto whitespace-pre py-3 pl-3 pr-10 font-mono text-xs leading-relaxed text-slate-800",
          "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500",
          maxHeightClass,
        )}
      >
        {code}
      </pre>
    </div>
  );
}
