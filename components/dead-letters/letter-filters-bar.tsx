"use client";

import { useId } from "react";
import { FAILURE_REASONS } from "@/lib/retry/classify";
import { EndpointFilter } from "@/components/deliveries/endpoint-filter";
import { EventTypeFilter, FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { DEFAULT_FILTERS, hasFilters, isReason, STATUS_FILTERS, type LetterFilters, type StatusFilter } from "@/components/api/letter-filters";
import { letterStatusMeta, reasonMeta } from "./shape";

const STATUS_OPTIONS = STATUS_FILTERS.map((s) => ({ value: s, label: s === "all" ? "Any status" : letterStatusMeta(s).label }));
const REASON_OPTIONS = [{ value: "", label: "Any reason" }, ...FAILURE_REASONS.map((r) => ({ value: r, label: reasonMeta(r).label }))];

export interface LetterFiltersBarProps {
  filters: LetterFilters;
  onChange: (next: LetterFilters) => void;
}

export function LetterFiltersBar({ filters, onChange }: LetterFiltersBarProps) {
  const id = useId();
  return (
    <FilterBar
      onReset={() => onChange(DEFAULT_FILTERS)}
      canReset={hasFilters(filters)}
      resetLabel="Reset"
      className="lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1.6fr)_minmax(0,1.2fr)_auto]"
    >
      <FilterSelect id={`${id}-status`} label="Status" value={filters.status} options={STATUS_OPTIONS} onChange={(v) => onChange({ ...filters, status: v as StatusFilter })} />
      <FilterSelect id={`${id}-reason`} label="Reason" value={filters.reason ?? ""} options={REASON_OPTIONS} onChange={(v) => onChange({ ...filters, reason: isReason(v) ? v : null })} />
      <EndpointFilter id={`${id}-endpoint`} value={filters.endpointId} onChange={(endpointId) => onChange({ ...filters, endpointId })} />
      <EventTypeFilter id={`${id}-type`} value={filters.eventType} onCommit={(eventType) => onChange({ ...filters, eventType })} />
    </FilterBar>
  );
}
