"use client";

import { clsx } from "clsx";
import { useNow } from "@/components/ui/use-now";

/** "Live · updated 3 s ago", or a warning once refreshes have been failing. */
export function LiveIndicator({ updatedAt, failing }: { updatedAt: number; failing: boolean }) {
  const now = useNow();
  const age = now === null || updatedAt === 0 ? null : Math.max(0, Math.floor((now - updatedAt) / 1000));
  return (
    <p className="flex items-center gap-2 text-xs text-slate-500" aria-live="off">
      <span className="relative flex h-2 w-2" aria-hidden>
        {!failing ? <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-emerald-400 opacity-60" /> : null}
        <span className={clsx("relative inline-flex h-2 w-2 rounded-full", failing ? "bg-amber-500" : "bg-emerald-500")} />
      </span>
      {failing ? "Refresh failing" : "Live"}
      {age !== null ? <span className="tabular-nums">· updated {age < 2 ? "just now" : `${age} s ago`}</span> : null}
    </p>
  );
}
