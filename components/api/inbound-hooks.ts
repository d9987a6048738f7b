"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { InboundEventDetail, InboundEventSummary } from "@/lib/inbound/list-events";
import type { SourceView, SourceWithSecret } from "@/lib/inbound/source-schema";
import { inboundApiPath, type InboundFilters } from "@/components/inbound/filters";
import { mutationErrorText } from "@/components/ui/form-errors";
import type { Wire } from "./delivery-hooks";
import { apiFetch } from "./fetcher";

export type InboundEventItem = Wire<InboundEventSummary>;
export type InboundEventView = Wire<InboundEventDetail>;
export type InboundSource = Wire<SourceView>;
export type CreatedSource = Wire<SourceWithSecret>;

export interface InboundPage {
  data: InboundEventItem[];
  nextCursor: string | null;
}

export interface InboundListQuery extends InboundFilters {
  cursor: string | null;
}

export const inboundKeys = {
  all: ["inbound"] as const,
  lists: () => [...inboundKeys.all, "list"] as const,
  list: (query: InboundListQuery) => [...inboundKeys.lists(), query] as const,
  details: () => [...inboundKeys.all, "detail"] as const,
  detail: (id: string) => [...inboundKeys.details(), id] as const,
};

export const sourceKeys = {
  all: ["sources"] as const,
  list: () => [...sourceKeys.all, "list"] as const,
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

export function useSources() {
  return useQuery({
    queryKey: sourceKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ data: InboundSource[] }>("/api/sources", { signal }),
    select: (body) => body.data,
    staleTime: 30_000,
  });
}

export interface CreateSourceInput {
  name: string;
  description?: string;
  signingScheme: "none" | "standard_webhooks" | "hmac_sha256";
  idempotencyTtlSeconds?: number;
}

/** Creates a source; the answer carries its secret, the only time it is shown. Errors are left to the form. */
export function useCreateSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSourceInput) => apiFetch<CreatedSource>("/api/sources", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: (source) => toast.success(`Source "${source.name}" created`, { description: `Providers post to ${source.webhookPath}` }),
    onError: (err) => toast.error("The source was not created", { description: mutationErrorText(err) }),
    onSettled: () => void client.invalidateQueries({ queryKey: sourceKeys.all }),
  });
}
