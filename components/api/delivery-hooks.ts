"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Delivery, DeliveryDetail, DeliveryPage, ReplayedDelivery } from "@/lib/contract/deliveries";
import { deliveriesApiPath, isLive, type DeliveryListQuery } from "./delivery-filters";
import { useActionKey } from "./action-key";
import { apiFetch } from "./fetcher";
import { deliveryKeys, endpointKeys, overviewKeys } from "./keys";

// The answers' types are inferred from the API's schemas (lib/contract), as JSON carries them.
export type DeliveryListItem = Delivery;
export type DeliveryDetailView = DeliveryDetail;
export type ReplayResult = ReplayedDelivery;
export type DeliveryPageView = DeliveryPage;

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
      if (enableEndpoint) void client.invalidateQueries({ queryKey: endpointKeys.all });
    },
  });
}
