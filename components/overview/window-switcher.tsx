import Link from "next/link";
import { clsx } from "clsx";
import { OVERVIEW_WINDOWS, WINDOW_LABELS, windowHref, type OverviewWindow } from "./shape";

/** Links, not buttons: each window is a URL that can be shared, and the browser's back button works. */
export function WindowSwitcher({ value }: { value: OverviewWindow }) {
  return (
    <nav aria-label="Time window" className="inline-flex rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
      {OVERVIEW_WINDOWS.map((w) => {
        const selected = w === value;
        return (
          <Link
            key={w}
            href={windowHref(w)}
            scroll={false}
            aria-current={selected ? "true" : undefined}
            className={clsx(
              "whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
              "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
              selected ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
            )}
          >
            {WINDOW_LABELS[w].button}
          </Link>
        );
      })}
    </nav>
  );
}
