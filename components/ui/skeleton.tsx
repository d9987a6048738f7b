import { clsx } from "clsx";

/** A grey placeholder in the shape of content still loading; hidden from screen readers. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={clsx("animate-pulse rounded-md bg-slate-200/70", className)} />;
}
