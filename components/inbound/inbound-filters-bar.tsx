"use client";

import { useId } from "react";
import { INBOUND_STATUSES, type InboundStatus } from "@/lib/inbound/inbound-status";
import { useSources } from "@/components/api/source-hooks";
import { EventTypeFilter, FilterBar, FilterSelect, ListSearchFilter } from "@/components/ui/filter-bar";
import { hasInboundFilters, NO_INBOUND_FILTERS, type InboundFilters } from "@/components/api/inbound-filters";
import { inboundStatusMeta } from "./format";

const STATUS_OPTIONS = [{ value: "", label: "Any status" }, ...INBOUND_STATUSES.map((s) => ({ value: s, label: inboundStatusMeta(s).label }))];

export interface InboundFiltersBarProps {
  filters: InboundFilters;
  onChange: (next: InboundFilters) => void;
}

export function InboundFiltersBar({ filters, onChange }: InboundFiltersBarProps) {
  const id = useId();
  const sources = useSources();
  const sourceKnown = filters.source === null || sources.data?.some((s) => s.name === filters.source);
  const sourceOptions = [
    { value: "", label: "All sources" },
    ...(sourceKnown ? [] : [{ value: filters.source ?? "", label: sources.isPending ? "Loading…" : `${filters.source} (unknown)` }]),
    ...(sources.data ?? []).map((s) => ({ value: s.name, label: s.name })),
  ];

  return (
    <FilterBar
      onReset={() => onChange(NO_INBOUND_FILTERS)}
      canReset={hasInboundFilters(filters)}
      className="rounded-xl border border-slate-200 bg-white px-4 py-4 shadow-sm sm:px-5 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.4fr)_auto]"
    >
      <ListSearchFilter id={`${id}-q`} value={filters.q} onCommit={(q) => onChange({ ...filters, q })} />
      <FilterSelect id={`${id}-source`} label="Source" value={filters.source ?? ""} options={sourceOptions} onChange={(v) => onChange({ ...filters, source: v || null })} disabled={sources.isPending && filters.source === null} />
      <FilterSelect id={`${id}-status`} label="Status" value={filters.status ?? ""} options={STATUS_OPTIONS} onChange={(v) => onChange({ ...filters, status: (v || null) as InboundStatus | null })} />
      <EventTypeFilter id={`${id}-type`} placeholder="exact, e.g. invoice.paid" value={filters.eventType} onCommit={(eventType) => onChange({ ...filters, eventType })} />
    </FilterBar>
  );
}
