"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { Policy } from "@/lib/contract/policies";
import type { PolicyCreateInput, PolicyUpdateInput } from "@/lib/delivery/policy-schema";
import { mutationErrorText } from "./error-text";
import { ApiError, apiFetch } from "./fetcher";
import { endpointKeys, policyKeys } from "./keys";

// The answers' types are inferred from the API's schemas (lib/contract), as JSON carries them.
export type { Policy } from "@/lib/contract/policies";

/*
 * Everything lives under ["policies"], which the simulator's saved-policy picker shares, so
 * one prefix invalidation after a write refreshes every view of policies.
 */

const path = (id: string) => `/api/policies/${encodeURIComponent(id)}`;

export function usePolicies() {
  return useQuery({
    queryKey: policyKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ data: Policy[] }>("/api/policies", { signal }),
    select: (body) => body.data,
  });
}

/** Null waits (nothing is fetched): the new-policy form only loads one when it copies it. */
export function usePolicy(id: string | null) {
  return useQuery({
    queryKey: policyKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiFetch<Policy>(path(id ?? ""), { signal }),
    enabled: id !== null,
  });
}

function useRefreshPolicies() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: policyKeys.all });
    void client.invalidateQueries({ queryKey: endpointKeys.all });
  };
}

export function useCreatePolicy() {
  const client = useQueryClient();
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (input: PolicyCreateInput) => apiFetch<Policy>("/api/policies", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: (policy) => {
      client.setQueryData(policyKeys.detail(policy.id), policy);
      refresh();
      toast.success(`Policy “${policy.name}” created`);
    },
    onError: (err) => toast.error("The policy was not created", { description: mutationErrorText(err) }),
  });
}

export function useUpdatePolicy(id: string) {
  const client = useQueryClient();
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (patch: PolicyUpdateInput) => apiFetch<Policy>(path(id), { method: "PATCH", body: JSON.stringify(patch) }),
    onSuccess: (policy, patch) => {
      client.setQueryData(policyKeys.detail(id), policy);
      refresh();
      const promotedOnly = Object.keys(patch).length === 1 && patch.isDefault === true;
      toast.success(promotedOnly ? `“${policy.name}” is now the default policy` : "Policy saved");
    },
    onError: (err) => toast.error("The policy was not saved", { description: mutationErrorText(err) }),
  });
}

/** `policy`: the one being deleted, whose endpoints the toast counts (the answer is a bare 204). */
export function useDeletePolicy(policy: Pick<Policy, "id" | "endpointCount">) {
  const client = useQueryClient();
  const { id } = policy;
  return useMutation({
    mutationFn: () => apiFetch<undefined>(path(id), { method: "DELETE" }),
    onSuccess: () => {
      // Dropped rather than invalidated: a refetch of a deleted policy can only 404.
      client.removeQueries({ queryKey: policyKeys.detail(id) });
      void client.invalidateQueries({ queryKey: policyKeys.all });
      void client.invalidateQueries({ queryKey: endpointKeys.all });
      const moved = policy.endpointCount;
      toast.success("Policy deleted", {
        description: moved > 0 ? `${moved} endpoint${moved === 1 ? " now follows" : "s now follow"} the default policy.` : undefined,
      });
    },
    onError: (err) =>
      // A refusal (the default policy) is the server's rule, said in its words.
      toast.error(err instanceof ApiError && err.status === 409 ? "This policy cannot be deleted" : "The policy was not deleted", {
        description: mutationErrorText(err),
      }),
  });
}
