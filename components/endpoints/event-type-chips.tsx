import { clsx } from "clsx";

/** An endpoint's event-type filter as chips; an empty filter means every type. */
export function EventTypeChips({ types, max = 3, className }: { types: readonly string[]; max?: number; className?: string }) {
  if (types.length === 0) return <span className="text-xs text-slate-500">All event types</span>;
  const shown = types.slice(0, max);
  const hidden = types.slice(max);
  return (
    <ul className={clsx("flex flex-wrap gap-1", className)} aria-label="Event types">
      {shown.map((type) => (
        <li key={type} title={type} className="max-w-full truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] leading-4 text-slate-700 ring-1 ring-inset ring-slate-200">
          {type}
        </li>
      ))}
      {hidden.length > 0 ? (
        <li className="px-1 py-0.5 text-[11px] leading-4 text-slate-500" title={hidden.join(", ")}>
          +{hidden.length} more
        </li>
      ) : null}
    </ul>
  );
}
