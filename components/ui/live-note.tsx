import { clsx } from "clsx";
import type { ReactNode } from "react";

/** "Live · …" beside a page title: a green dot that pulses while things change, amber once refreshing fails. */
export function LiveNote({ children, pulse = true, failing = false }: { children: ReactNode; pulse?: boolean; failing?: boolean }) {
  return (
    <p className="flex items-center gap-2 text-xs text-slate-500">
      <span className="relative flex h-2 w-2" aria-hidden>
        {pulse && !failing ? <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-emerald-400 opacity-60" /> : null}
        <span className={clsx("relative inline-flex h-2 w-2 rounded-full", failing ? "bg-amber-500" : "bg-emerald-500")} />
      </span>
      <span>{children}</span>
    </p>
  );
}
