"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { InboundEvent, InboundEventDetail, InboundEventPage } from "@/lib/contract/inbound";
import { inboundApiPath, type InboundListQuery } from "./inbound-filters";
import { apiFetch } from "./fetcher";

// The answers' types are inferred from the API's schemas (lib/contract), as JSON carries them.
export type InboundEventItem = InboundEvent;
export type InboundEventView = InboundEventDetail;
export type InboundPage = InboundEventPage;

export const inboundKeys = {
  all: ["inbound"] as const,
  lists: () => [...inboundKeys.all, "list"] as const,
  list: (query: InboundListQuery) => [...inboundKeys.lists(), query] as const,
  details: () => [...inboundKeys.all, "detail"] as const,
  detail: (id: string) => [...inboundKeys.details(), id] as const,
};

/** Events keep arriving from providers, so the newest page refreshes on its own. */
const LIST_REFRESH_MS = 5_000;
/** An event still processing, or deliveries still being sent, change within seconds. */
const LIVE_MS = 2_000;
const IDLE_MS = 10_000;

const LIVE_DELIVERY = new Set(["pending", "in_flight"]);

export function useInboundEvents(query: InboundListQuery) {
  return useQuery({
    queryKey: inboundKeys.list(query),
    queryFn: ({ signal }) => apiFetch<InboundPage>(inboundApiPath(query, query.cursor), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.data.some((e) => e.status === "processing") ? LIVE_MS : LIST_REFRESH_MS),
  });
}

/** True while the event or what it fanned out to is still moving. */
export function isInboundLive(event: InboundEventView): boolean {
  return event.status === "processing" || (event.message?.deliveries.some((d) => LIVE_DELIVERY.has(d.status)) ?? false);
}

export function useInboundEvent(id: string) {
  return useQuery({
    queryKey: inboundKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<InboundEventView>(`/api/inbound/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (q) => (q.state.data && isInboundLive(q.state.data) ? LIVE_MS : IDLE_MS),
  });
}
