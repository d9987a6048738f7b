"use client";

import { clsx } from "clsx";
import { Check, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/lib/delivery/delivery-view";
import { useEndpointOptions } from "@/components/api/delivery-hooks";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { hasFilters, NO_FILTERS, SINCE_LABELS, SINCE_WINDOWS, type DeliveryFilters, type SinceWindow } from "./filters";
import { statusMeta } from "./format";

const TYPE_DEBOUNCE_MS = 400;

export interface FiltersBarProps {
  filters: DeliveryFilters;
  onChange: (next: DeliveryFilters) => void;
}

export function FiltersBar({ filters, onChange }: FiltersBarProps) {
  const id = useId();
  const endpoints = useEndpointOptions();
  const [eventType, setEventType] = useState(filters.eventType ?? "");
  const applied = useRef(filters.eventType);

  // The URL is the source of truth: follow it when it changes from elsewhere (clear, back
  // button), but not when it catches up with typing, which may have gone on meanwhile.
  useEffect(() => {
    if (filters.eventType === applied.current) return;
    applied.current = filters.eventType;
    setEventType(filters.eventType ?? "");
  }, [filters.eventType]);

  // The debounced write reads the filters as they are when it fires, not as they were
  // when typing started, so a status toggled meanwhile is kept.
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

  // Only typing restarts the wait; a refresh of the list in between does not.
  useEffect(() => {
    const timer = setTimeout(() => applyEventType(eventType), TYPE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [eventType]);

  function toggleStatus(status: DeliveryStatus) {
    const on = filters.status.includes(status);
    onChange({ ...filters, status: on ? filters.status.filter((s) => s !== status) : [...filters.status, status] });
  }

  const endpointKnown = filters.endpointId === null || endpoints.data?.some((e) => e.id === filters.endpointId);

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
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1.5fr)_minmax(0,1fr)_auto] lg:items-end">
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor={`${id}-endpoint`} className="text-sm font-medium text-slate-700">
            Endpoint
          </label>
          <Select
            id={`${id}-endpoint`}
            value={filters.endpointId ?? ""}
            onChange={(e) => onChange({ ...filters, endpointId: e.target.value || null })}
            disabled={endpoints.isPending && filters.endpointId === null}
          >
            <option value="">All endpoints</option>
            {!endpointKnown ? <option value={filters.endpointId ?? ""}>{endpoints.isPending ? "Loading…" : "Unknown endpoint"}</option> : null}
            {endpoints.data?.map((e) => (
              <option key={e.id} value={e.id}>
                {e.url}
                {e.enabled ? "" : " (disabled)"}
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
            placeholder="e.g. order.created"
            autoComplete="off"
            spellCheck={false}
            value={eventType}
            onChange={(e) => setEventType(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") applyEventType(eventType);
            }}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor={`${id}-since`} className="text-sm font-medium text-slate-700">
            Created
          </label>
          <Select id={`${id}-since`} value={filters.since ?? ""} onChange={(e) => onChange({ ...filters, since: (e.target.value || null) as SinceWindow | null })}>
            <option value="">Any time</option>
            {(Object.keys(SINCE_WINDOWS) as SinceWindow[]).map((w) => (
              <option key={w} value={w}>
                {SINCE_LABELS[w]}
              </option>
            ))}
          </Select>
        </div>
        <Button variant="ghost" icon={X} onClick={() => onChange(NO_FILTERS)} disabled={!hasFilters(filters)} className="justify-self-start">
          Clear filters
        </Button>
      </div>
    </div>
  );
}
