"use client";

import { X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useEndpointOptions } from "@/components/api/delivery-hooks";
import { FAILURE_REASONS } from "@/lib/retry/classify";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { DEFAULT_FILTERS, hasFilters, isReason, STATUS_FILTERS, type LetterFilters, type StatusFilter } from "./filters";
import { letterStatusMeta, reasonMeta } from "./shape";

const TYPE_DEBOUNCE_MS = 400;

const statusLabel = (s: StatusFilter) => (s === "all" ? "Any status" : letterStatusMeta(s).label);

export interface LetterFiltersBarProps {
  filters: LetterFilters;
  onChange: (next: LetterFilters) => void;
}

export function LetterFiltersBar({ filters, onChange }: LetterFiltersBarProps) {
  const id = useId();
  const endpoints = useEndpointOptions();
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

  const endpointKnown = filters.endpointId === null || endpoints.data?.some((e) => e.id === filters.endpointId);

  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1.6fr)_minmax(0,1.2fr)_auto] lg:items-end">
      <div className="flex min-w-0 flex-col gap-1.5">
        <label htmlFor={`${id}-status`} className="text-sm font-medium text-slate-700">
          Status
        </label>
        <Select id={`${id}-status`} value={filters.status} onChange={(e) => onChange({ ...filters, status: e.target.value as StatusFilter })}>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex min-w-0 flex-col gap-1.5">
        <label htmlFor={`${id}-reason`} className="text-sm font-medium text-slate-700">
          Reason
        </label>
        <Select
          id={`${id}-reason`}
          value={filters.reason ?? ""}
          onChange={(e) => onChange({ ...filters, reason: isReason(e.target.value) ? e.target.value : null })}
        >
          <option value="">Any reason</option>
          {FAILURE_REASONS.map((r) => (
            <option key={r} value={r}>
              {reasonMeta(r).label}
            </option>
          ))}
        </Select>
      </div>
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
      <Button variant="ghost" icon={X} onClick={() => onChange(DEFAULT_FILTERS)} disabled={!hasFilters(filters)} className="justify-self-start">
        Reset
      </Button>
    </div>
  );
}
