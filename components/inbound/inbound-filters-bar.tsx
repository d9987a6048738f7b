"use client";

import { X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { INBOUND_STATUSES, type InboundStatus } from "@/lib/inbound/idempotency-store";
import { useSources } from "@/components/api/source-hooks";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { hasInboundFilters, NO_INBOUND_FILTERS, type InboundFilters } from "./filters";
import { inboundStatusMeta } from "./format";

const TYPE_DEBOUNCE_MS = 400;

export interface InboundFiltersBarProps {
  filters: InboundFilters;
  onChange: (next: InboundFilters) => void;
}

export function InboundFiltersBar({ filters, onChange }: InboundFiltersBarProps) {
  const id = useId();
  const sources = useSources();
  const [eventType, setEventType] = useState(filters.eventType ?? "");
  const applied = useRef(filters.eventType);

  // The URL is the source of truth: follow it when it changes from elsewhere (clear, back
  // button), but not when it only catches up with typing that may have gone on meanwhile.
  useEffect(() => {
    if (filters.eventType === applied.current) return;
    applied.current = filters.eventType;
    setEventType(filters.eventType ?? "");
  }, [filters.eventType]);

  // The debounced write reads the filters as they are when it fires, so a select changed meanwhile is kept.
  const latest = useRef({ filters, onChange });
  useEffect(() => {
    latest.current = { filters, onChange };
  });

  function applyEventType(value: string) {
    const { filters: current, onChange: change } = latest.current;
    const typed = value.trim() || null;
    if (typed === current.eventType) return;
    applied.current = typed;
    change({ ...current, eventType: typed });
  }

  useEffect(() => {
    const timer = setTimeout(() => applyEventType(eventType), TYPE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [eventType]);

  const sourceKnown = filters.source === null || sources.data?.some((s) => s.name === filters.source);

  return (
    <div className="grid gap-3 rounded-xl border border-slate-200 bg-white px-4 py-4 shadow-sm sm:grid-cols-2 sm:px-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.4fr)_auto] lg:items-end">
      <div className="flex min-w-0 flex-col gap-1.5">
        <label htmlFor={`${id}-source`} className="text-sm font-medium text-slate-700">
          Source
        </label>
        <Select
          id={`${id}-source`}
          value={filters.source ?? ""}
          onChange={(e) => onChange({ ...filters, source: e.target.value || null })}
          disabled={sources.isPending && filters.source === null}
        >
          <option value="">All sources</option>
          {!sourceKnown ? <option value={filters.source ?? ""}>{sources.isPending ? "Loading…" : `${filters.source} (unknown)`}</option> : null}
          {sources.data?.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex min-w-0 flex-col gap-1.5">
        <label htmlFor={`${id}-status`} className="text-sm font-medium text-slate-700">
          Status
        </label>
        <Select id={`${id}-status`} value={filters.status ?? ""} onChange={(e) => onChange({ ...filters, status: (e.target.value || null) as InboundStatus | null })}>
          <option value="">Any status</option>
          {INBOUND_STATUSES.map((s) => (
            <option key={s} value={s}>
              {inboundStatusMeta(s).label}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex min-w-0 flex-col gap-1.5">
        <label htmlFor={`${id}-type`} className="text-sm font-medium text-slate-700">
          Event type
        </label>
        <Input
          id={`${id}-type`}
          type="search"
          placeholder="exact, e.g. invoice.paid"
          autoComplete="off"
          spellCheck={false}
          value={eventType}
          onChange={(e) => setEventType(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") applyEventType(eventType);
          }}
        />
      </div>
      <Button variant="ghost" icon={X} onClick={() => onChange(NO_INBOUND_FILTERS)} disabled={!hasInboundFilters(filters)} className="justify-self-start">
        Clear filters
      </Button>
    </div>
  );
}
