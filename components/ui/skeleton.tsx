import { clsx } from "clsx";

/** A grey placeholder in the shape of content still loading; hidden from screen readers. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={clsx("animate-pulse rounded-md bg-slate-200/70", className)} />;
}

/** Grey bars in the shape of a list that is still loading; `bare` drops the card around them. */
export function ListSkeleton({ label, rows = 6, bare = false }: { label: string; rows?: number; bare?: boolean }) {
  return (
    <div className={clsx("flex flex-col gap-3 p-4", !bare && "rounded-xl border border-slate-200 bg-white shadow-sm")} aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  );
}
