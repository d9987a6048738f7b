"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeliveryRow } from "@/lib/delivery/delivery-view";
import type { DeliveryDetail } from "@/lib/delivery/get-delivery";
import type { ReplayedDelivery } from "@/lib/dlq/replay-delivery";
import { deliveriesApiPath, isLive, type DeliveryFilters } from "@/components/deliveries/filters";
import { useActionKey } from "./action-key";
import { apiFetch } from "./fetcher";
import { overviewKeys } from "./overview-hooks";

/** A server type as it arrives over JSON: dates become ISO strings. */
export type Wire<T> = T extends Date ? string : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type DeliveryListItem = Wire<DeliveryRow>;
export type DeliveryDetailView = Wire<DeliveryDetail>;
export type ReplayResult = Wire<ReplayedDelivery>;

export interface DeliveryPageView {
  data: DeliveryListItem[];
  nextCursor: string | null;
}

export interface DeliveryListQuery extends DeliveryFilters {
  cursor: string | null;
}

export interface EndpointOption {
  id: string;
  url: string;
  enabled: boolean;
}

export const deliveryKeys = {
  all: ["deliveries"] as const,
  lists: () => [...deliveryKeys.all, "list"] as const,
  list: (query: DeliveryListQuery) => [...deliveryKeys.lists(), query] as const,
  details: () => [...deliveryKeys.all, "detail"] as const,
  detail: (id: string) => [...deliveryKeys.details(), id] as const,
};

/** While something on screen is still being worked on, poll fast enough to watch it happen. */
const LIVE_MS = 2_000;
/** The newest page also polls slowly when idle, so new deliveries show up without a reload. */
const FIRST_PAGE_MS = 10_000;

export function useDeliveries(query: DeliveryListQuery) {
  return useQuery({
    queryKey: deliveryKeys.list(query),
    queryFn: ({ signal }) => apiFetch<DeliveryPageView>(deliveriesApiPath(query, query.cursor, Date.now()), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => {
      if (q.state.data?.data.some((d) => isLive(d.status))) return LIVE_MS;
      return query.cursor === null ? FIRST_PAGE_MS : false;
    },
  });
}

export function useDelivery(id: string) {
  return useQuery({
    queryKey: deliveryKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<DeliveryDetailView>(`/api/deliveries/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (q) => (q.state.data && isLive(q.state.data.status) ? LIVE_MS : false),
  });
}

/** The endpoint filter's options; under the endpoints prefix so edits there refresh it. */
export function useEndpointOptions() {
  return useQuery({
    queryKey: ["endpoints", "delivery-filter-options"] as const,
    queryFn: ({ signal }) => apiFetch<{ data: EndpointOption[] }>("/api/endpoints", { signal }),
    select: (body) => body.data,
    staleTime: 30_000,
  });
}

export interface ReplayVariables {
  id: string;
  /** Re-enables a disabled endpoint as part of the replay instead of answering 409. */
  enableEndpoint?: boolean;
}

export function useReplayDelivery() {
  const client = useQueryClient();
  const action = useActionKey();
  return useMutation({
    mutationFn: ({ id, enableEndpoint }: ReplayVariables) =>
      apiFetch<ReplayResult>(`/api/deliveries/${encodeURIComponent(id)}/replay`, {
        method: "POST",
        headers: action.headers(),
        body: JSON.stringify(enableEndpoint ? { enableEndpoint: true } : {}),
      }),
    onSettled: action.settled,
    onSuccess: (_result, { enableEndpoint }) => {
      void client.invalidateQueries({ queryKey: deliveryKeys.all });
      void client.invalidateQueries({ queryKey: overviewKeys.all });
      if (enableEndpoint) void client.invalidateQueries({ queryKey: ["endpoints"] });
    },
  });
}
