"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { z } from "zod";
import type { Source, SourceRefusals, SourceWithSecret } from "@/lib/contract/inbound";
import type { createSourceSchema, rotateSecretSchema, updateSourceSchema } from "@/lib/inbound/source-schema";
import { mutationErrorText } from "./error-text";
import { apiFetch } from "./fetcher";

// The answers' types are inferred from the API's schemas (lib/contract), as JSON carries them.
export type InboundSource = Source;
/** A source as created, rotated or switched to another preset: the only answers that carry its secret. */
export type SourceWithSecretView = SourceWithSecret;
export type SourceRefusalsView = SourceRefusals;

export const sourceKeys = {
  all: ["sources"] as const,
  list: () => [...sourceKeys.all, "list"] as const,
  detail: (id: string) => [...sourceKeys.all, "detail", id] as const,
  refusals: (id: string) => [...sourceKeys.all, "refusals", id] as const,
};

/** Refusals are written within a second or two of the request: a page watching them refreshes often. */
const REFUSALS_REFRESH_MS = 5_000;

const path = (id: string) => `/api/sources/${encodeURIComponent(id)}`;

export function useSources() {
  return useQuery({
    queryKey: sourceKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ data: InboundSource[] }>("/api/sources", { signal }),
    select: (body) => body.data,
    refetchInterval: REFUSALS_REFRESH_MS,
  });
}

export function useSource(id: string) {
  return useQuery({ queryKey: sourceKeys.detail(id), queryFn: ({ signal }) => apiFetch<InboundSource>(path(id), { signal }) });
}

export function useSourceRefusals(id: string) {
  return useQuery({
    queryKey: sourceKeys.refusals(id),
    queryFn: ({ signal }) => apiFetch<SourceRefusalsView>(`${path(id)}/refusals`, { signal }),
    refetchInterval: REFUSALS_REFRESH_MS,
  });
}

// Request bodies as the client sends them: the routes' own schemas, before defaults apply.
export type CreateSourceInput = z.input<typeof createSourceSchema>;
export type UpdateSourceInput = z.input<typeof updateSourceSchema>;
export type RotateSourceInput = z.input<typeof rotateSecretSchema>;

/** Creates a source; the answer carries its secret, the only time it is shown. Errors are left to the form. */
export function useCreateSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSourceInput) => apiFetch<SourceWithSecretView>("/api/sources", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: (source) => toast.success(`Source "${source.name}" created`, { description: `Providers post to ${source.webhookPath}` }),
    onError: (err) => toast.error("The source was not created", { description: mutationErrorText(err) }),
    onSettled: () => void client.invalidateQueries({ queryKey: sourceKeys.all }),
  });
}

export function useUpdateSource(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSourceInput) => apiFetch<InboundSource>(path(id), { method: "PATCH", body: JSON.stringify(input) }),
    onSuccess: (source) => toast.success(`Source "${source.name}" saved`),
    onError: (err) => toast.error("The source was not saved", { description: mutationErrorText(err) }),
    onSettled: () => void client.invalidateQueries({ queryKey: sourceKeys.all }),
  });
}

export function useRotateSourceSecret(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RotateSourceInput) => apiFetch<SourceWithSecretView>(`${path(id)}/rotate-secret`, { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => toast.success("Signing secret changed", { description: "Copy the new secret now if Hookrelay made it; it is shown only once." }),
    onError: (err) => toast.error("The secret was not changed", { description: mutationErrorText(err) }),
    onSettled: () => void client.invalidateQueries({ queryKey: sourceKeys.all }),
  });
}

export function useDeleteSource(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<undefined>(path(id), { method: "DELETE" }),
    onSuccess: () => {
      // Dropped rather than invalidated: a refetch of a deleted source can only 404.
      client.removeQueries({ queryKey: sourceKeys.detail(id) });
      client.removeQueries({ queryKey: sourceKeys.refusals(id) });
      void client.invalidateQueries({ queryKey: sourceKeys.list() });
      toast.success("Source deleted");
    },
    onError: (err) => toast.error("The source was not deleted", { description: mutationErrorText(err) }),
  });
}
