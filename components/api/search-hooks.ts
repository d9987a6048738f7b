"use client";

import { useQuery } from "@tanstack/react-query";
import type { SearchHit, SearchResult } from "@/lib/contract/search";
import { apiFetch } from "./fetcher";
import { deliveryHref, endpointHref, inboundHref, letterHref } from "./hrefs";

export type { SearchHit } from "@/lib/contract/search";

export const searchKeys = { query: (q: string) => ["search", q] as const };

export function useSearch(q: string) {
  return useQuery({
    queryKey: searchKeys.query(q),
    queryFn: ({ signal }) => apiFetch<SearchResult>(`/api/search?q=${encodeURIComponent(q)}`, { signal }),
    enabled: q.trim().length > 0,
  });
}

const PAGES: Record<SearchHit["kind"], (id: string) => string> = {
  delivery: deliveryHref,
  inbound_event: inboundHref,
  dead_letter: letterHref,
  endpoint: endpointHref,
};

export function hitHref(hit: Pick<SearchHit, "kind" | "id">): string {
  return PAGES[hit.kind](hit.id);
}
