"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { EndpointCreateInput, EndpointUpdateInput } from "@/lib/delivery/endpoint-schema";
import type { EndpointHealth as HealthView } from "@/lib/delivery/endpoint-health";
import type { EndpointView } from "@/lib/delivery/endpoint-view";
import type { HeldAction, SettledHeld } from "@/lib/delivery/held-deliveries";
import type { SentTestEvent } from "@/lib/delivery/send-test-event";
import { useActionKey } from "./action-key";
import { ApiError, apiFetch } from "./fetcher";
import { mutationErrorText } from "@/components/ui/form-errors";

/** Dates arrive as ISO strings once the API's objects have been through JSON. */
type DateFields = "disabledAt" | "failingSince" | "previousSecretExpiresAt" | "createdAt" | "updatedAt";

export type Endpoint = Omit<EndpointView, DateFields> & {
  disabledAt: string | null;
  failingSince: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type EndpointHealth = Omit<HealthView, "lastFailure"> & {
  lastFailure: (Omit<NonNullable<HealthView["lastFailure"]>, "at"> & { at: string }) | null;
};

export type EndpointDetail = Endpoint & { health: EndpointHealth; heldDeliveries: number };

/** The only response that carries the whole secret. */
export type CreatedEndpoint = Endpoint & { secret: string };

export interface RotatedSecret {
  id: string;
  secret: string;
  secretHint: string;
  previousSecretExpiresAt: string;
}

/*
 * Everything lives under ["endpoints"], which the simulator's endpoint picker shares, so one
 * prefix invalidation after a write refreshes every view of endpoints.
 */
export const endpointKeys = {
  all: ["endpoints"] as const,
  list: () => [...endpointKeys.all, "list"] as const,
  details: () => [...endpointKeys.all, "detail"] as const,
  detail: (id: string) => [...endpointKeys.details(), id] as const,
};

/** Policy rows count the endpoints that use them; they live under this prefix (policy-hooks). */
const POLICIES_PREFIX = ["policies"] as const;

/* Health and the failing/disabled state move while deliveries run, so open views poll. */
const LIST_REFRESH_MS = 10_000;
const DETAIL_REFRESH_MS = 5_000;

const path = (id: string) => `/api/endpoints/${encodeURIComponent(id)}`;

export function useEndpoints() {
  return useQuery({
    queryKey: endpointKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ data: Endpoint[] }>("/api/endpoints", { signal }),
    select: (body) => body.data,
    refetchInterval: LIST_REFRESH_MS,
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
    void client.invalidateQueries({ queryKey: POLICIES_PREFIX });
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
    onSuccess: () => void client.invalidateQueries({ queryKey: ["deliveries"] }),
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
    mutationFn: () => apiFetch<{ id: string; deleted: true }>(path(id), { method: "DELETE" }),
    onSuccess: () => {
      // Dropped rather than invalidated: a refetch of a deleted endpoint can only 404.
      client.removeQueries({ queryKey: endpointKeys.detail(id) });
      void client.invalidateQueries({ queryKey: endpointKeys.all });
      void client.invalidateQueries({ queryKey: POLICIES_PREFIX });
      toast.success("Endpoint deleted");
    },
    onError: (err) => toast.error("The endpoint was not deleted", { description: mutationErrorText(err) }),
  });
}
