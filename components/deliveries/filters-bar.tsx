"use client";

import { clsx } from "clsx";
import { Check } from "lucide-react";
import { useId } from "react";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/lib/delivery/delivery-view";
import { EndpointFilter } from "./endpoint-filter";
import { EventTypeFilter, FilterBar, FilterSelect, ListSearchFilter } from "@/components/ui/filter-bar";
import { hasFilters, NO_FILTERS, SINCE_LABELS, SINCE_WINDOWS, type DeliveryFilters, type SinceWindow } from "@/components/api/delivery-filters";
import { statusMeta } from "./format";

const SINCE_OPTIONS = [{ value: "", label: "Any time" }, ...(Object.keys(SINCE_WINDOWS) as SinceWindow[]).map((w) => ({ value: w, label: SINCE_LABELS[w] }))];

export interface FiltersBarProps {
  filters: DeliveryFilters;
  onChange: (next: DeliveryFilters) => void;
}

export function FiltersBar({ filters, onChange }: FiltersBarProps) {
  const id = useId();

  function toggleStatus(status: DeliveryStatus) {
    const on = filters.status.includes(status);
    onChange({ ...filters, status: on ? filters.status.filter((s) => s !== status) : [...filters.status, status] });
  }

  return (
    <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white px-4 py-4 shadow-sm sm:px-5">
      <fieldset className="min-w-0">
        <legend className="mb-2 text-sm font-medium text-slate-700">Status</legend>
        <div className="flex flex-wrap gap-2">
          {DELIVERY_STATUSES.map((status) => {
            const on = filters.status.includes(status);
            return (
              <button
                key={status}
                type="button"
                aria-pressed={on}
                onClick={() => toggleStatus(status)}
                className={clsx(
                  "inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-sm font-medium transition-colors",
                  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-1",
                  on ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-600 hover:border-slate-400 hover:text-slate-900",
                )}
              >
                {on ? <Check className="h-3.5 w-3.5" aria-hidden /> : null}
                {statusMeta(status).label}
              </button>
            );
          })}
        </div>
      </fieldset>
      <FilterBar onReset={() => onChange(NO_FILTERS)} canReset={hasFilters(filters)} className="lg:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1.5fr)_minmax(0,1fr)_auto]">
        <ListSearchFilter id={`${id}-q`} value={filters.q} onCommit={(q) => onChange({ ...filters, q })} />
        <EndpointFilter id={`${id}-endpoint`} value={filters.endpointId} onChange={(endpointId) => onChange({ ...filters, endpointId })} />
        <EventTypeFilter id={`${id}-type`} value={filters.eventType} onCommit={(eventType) => onChange({ ...filters, eventType })} />
        <FilterSelect id={`${id}-since`} label="Created" value={filters.since ?? ""} options={SINCE_OPTIONS} onChange={(v) => onChange({ ...filters, since: (v || null) as SinceWindow | null })} />
      </FilterBar>
    </div>
  );
}
