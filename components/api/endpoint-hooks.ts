"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { EndpointCreateInput, EndpointUpdateInput } from "@/lib/delivery/endpoint-schema";
import type { CreatedEndpoint, Endpoint, EndpointDetail, EndpointSeries, RotatedEndpointSecret, SentTestEvent, SettledHeld } from "@/lib/contract/endpoints";
import type { HeldAction } from "@/lib/delivery/held-deliveries";
import { useActionKey } from "./action-key";
import { mutationErrorText } from "./error-text";
import { ApiError, apiFetch } from "./fetcher";
import { deliveryKeys, endpointKeys, policyKeys } from "./keys";

// The answers' types are inferred from the API's schemas (lib/contract), as JSON carries them.
export type { CreatedEndpoint, Endpoint, EndpointDetail, EndpointHealth } from "@/lib/contract/endpoints";
export type RotatedSecret = RotatedEndpointSecret;

/*
 * Everything lives under ["endpoints"], the pickers of other pages included, so one prefix
 * invalidation after a write refreshes every view of endpoints.
 */
/* Health and the failing/disabled state move while deliveries run, so open views poll. */
const LIST_REFRESH_MS = 10_000;
const DETAIL_REFRESH_MS = 5_000;
const SERIES_REFRESH_MS = 30_000;

const path = (id: string) => `/api/endpoints/${encodeURIComponent(id)}`;

export function useEndpoints() {
  return useQuery({
    queryKey: endpointKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ data: Endpoint[] }>("/api/endpoints", { signal }),
    select: (body) => body.data,
    refetchInterval: LIST_REFRESH_MS,
  });
}

/** The endpoints as choices in other pages' filters and pickers: the list, without the polling of the endpoints page. */
export function useEndpointOptions() {
  return useQuery({
    queryKey: endpointKeys.options(),
    queryFn: ({ signal }) => apiFetch<{ data: Endpoint[] }>("/api/endpoints", { signal }),
    select: (body) => body.data,
    staleTime: 30_000,
  });
}

/** A choice of endpoint: the fields the pickers read. */
export type EndpointOption = Pick<Endpoint, "id" | "url" | "enabled" | "description" | "policy">;

/** Attempts per hour over the last day; refreshed slowly, the hour buckets change little. */
export function useEndpointSeries(id: string) {
  return useQuery({
    queryKey: endpointKeys.series(id),
    queryFn: ({ signal }) => apiFetch<EndpointSeries>(`${path(id)}/series`, { signal }),
    refetchInterval: SERIES_REFRESH_MS,
  });
}

export function useEndpoint(id: string) {
  return useQuery({
    queryKey: endpointKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<EndpointDetail>(path(id), { signal }),
    // A deleted endpoint stays gone: stop asking once the server says so.
    refetchInterval: (query) => (query.state.error instanceof ApiError && query.state.error.status === 404 ? false : DETAIL_REFRESH_MS),
  });
}

function useRefreshEndpoints() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: endpointKeys.all });
    void client.invalidateQueries({ queryKey: policyKeys.all });
  };
}

export function useCreateEndpoint() {
  const refresh = useRefreshEndpoints();
  return useMutation({
    mutationFn: (input: EndpointCreateInput) => apiFetch<CreatedEndpoint>("/api/endpoints", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => {
      refresh();
      toast.success("Endpoint created");
    },
    onError: (err) => toast.error("The endpoint was not created", { description: mutationErrorText(err) }),
  });
}

export function useUpdateEndpoint(id: string) {
  const client = useQueryClient();
  const refresh = useRefreshEndpoints();
  return useMutation({
    mutationFn: (patch: EndpointUpdateInput) => apiFetch<Endpoint>(path(id), { method: "PATCH", body: JSON.stringify(patch) }),
    onSuccess: (endpoint) => {
      // The PATCH answer has no health block: keep the cached one until the refetch lands.
      client.setQueryData<EndpointDetail>(endpointKeys.detail(id), (old) => (old ? { ...old, ...endpoint } : old));
      refresh();
      toast.success("Endpoint saved");
    },
    onError: (err) => toast.error("The endpoint was not saved", { description: mutationErrorText(err) }),
  });
}

/** Disabling and re-enabling are their own mutation so the form's pending state stays apart. */
export function useSetEndpointEnabled(id: string) {
  const client = useQueryClient();
  const refresh = useRefreshEndpoints();
  return useMutation({
    mutationFn: (enabled: boolean) => apiFetch<Endpoint>(path(id), { method: "PATCH", body: JSON.stringify({ enabled }) }),
    onSuccess: (endpoint) => {
      client.setQueryData<EndpointDetail>(endpointKeys.detail(id), (old) => (old ? { ...old, ...endpoint } : old));
      refresh();
      toast.success(endpoint.enabled ? "Endpoint re-enabled" : "Endpoint disabled", {
        description: endpoint.enabled ? "Deliveries to it resume." : "Deliveries to it are held until it is re-enabled and you send them.",
      });
    },
    onError: (err, enabled) => toast.error(enabled ? "The endpoint was not re-enabled" : "The endpoint was not disabled", { description: mutationErrorText(err) }),
  });
}

/** Sends or discards the deliveries held while the endpoint was disabled. */
export function useSettleHeld(id: string) {
  const refresh = useRefreshEndpoints();
  const key = useActionKey();
  return useMutation({
    mutationFn: (action: HeldAction) => apiFetch<SettledHeld>(`${path(id)}/held`, { method: "POST", headers: key.headers(), body: JSON.stringify({ action }) }),
    onSettled: key.settled,
    onSuccess: ({ action, count }) => {
      refresh();
      toast.success(action === "send" ? `Sending ${count} held ${count === 1 ? "delivery" : "deliveries"}` : `Discarded ${count} held ${count === 1 ? "delivery" : "deliveries"}`);
    },
    onError: (err, action) => toast.error(action === "send" ? "The held deliveries were not sent" : "The held deliveries were not discarded", { description: mutationErrorText(err) }),
  });
}

/** Queues a hookrelay.test delivery to this endpoint; the caller follows the delivery it names. */
export function useSendTestEvent(id: string) {
  const client = useQueryClient();
  const key = useActionKey();
  return useMutation({
    mutationFn: () => apiFetch<SentTestEvent>(`${path(id)}/test`, { method: "POST", headers: key.headers() }),
    onSettled: key.settled,
    onSuccess: () => void client.invalidateQueries({ queryKey: deliveryKeys.all }),
    onError: (err) => toast.error("The test event was not sent", { description: mutationErrorText(err) }),
  });
}

export function useRotateEndpointSecret(id: string) {
  const refresh = useRefreshEndpoints();
  return useMutation({
    mutationFn: () => apiFetch<RotatedSecret>(`${path(id)}/rotate-secret`, { method: "POST" }),
    onSuccess: () => {
      refresh();
      toast.success("Signing secret rotated", { description: "Copy the new secret now; it is shown only once." });
    },
    onError: (err) => toast.error("The secret was not rotated", { description: mutationErrorText(err) }),
  });
}

export function useDeleteEndpoint(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<undefined>(path(id), { method: "DELETE" }),
    onSuccess: () => {
      // Dropped rather than invalidated: a refetch of a deleted endpoint can only 404.
      client.removeQueries({ queryKey: endpointKeys.detail(id) });
      void client.invalidateQueries({ queryKey: endpointKeys.all });
      void client.invalidateQueries({ queryKey: policyKeys.all });
      toast.success("Endpoint deleted");
    },
    onError: (err) => toast.error("The endpoint was not deleted", { description: mutationErrorText(err) }),
  });
}
