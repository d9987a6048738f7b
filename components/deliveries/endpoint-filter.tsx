"use client";

import { useEndpointOptions } from "@/components/api/endpoint-hooks";
import { FilterSelect, type FilterOption } from "@/components/ui/filter-bar";

/** Filters a list by one endpoint; an id from a shared link that no endpoint has any more stays shown. */
export function EndpointFilter({ id, value, onChange }: { id: string; value: string | null; onChange: (endpointId: string | null) => void }) {
  const endpoints = useEndpointOptions();
  const known = value === null || endpoints.data?.some((e) => e.id === value);
  const options: FilterOption[] = [
    { value: "", label: "All endpoints" },
    ...(known ? [] : [{ value: value ?? "", label: endpoints.isPending ? "Loading…" : "Unknown endpoint" }]),
    ...(endpoints.data ?? []).map((e) => ({ value: e.id, label: e.enabled ? e.url : `${e.url} (disabled)` })),
  ];
  return <FilterSelect id={id} label="Endpoint" value={value ?? ""} options={options} onChange={(v) => onChange(v || null)} disabled={endpoints.isPending && value === null} />;
}
