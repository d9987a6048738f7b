"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Wire } from "@/components/api/delivery-hooks";
import { apiFetch } from "@/components/api/fetcher";
import type { OperatorCreateInput, PasswordChangeInput } from "@/lib/auth/credentials";
import type { OperatorView } from "@/lib/auth/operators";

/** GET /api/tokens rows as JSON carries them: dates are ISO strings. */
export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  token: string;
  apiToken: ApiToken;
}

export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
  createdAt: string;
}

interface AuditPage {
  data: AuditEntry[];
  nextCursor: string | null;
}

export interface CurrentOperator {
  operator: { id: string; email: string };
}

/* Creating or revoking a token writes an audit entry, so both prefixes are refreshed. */
export const authKeys = {
  session: ["session"] as const,
  tokens: ["api-tokens"] as const,
  audit: ["audit"] as const,
};

const AUDIT_PAGE_SIZE = 15;

export function useSession() {
  return useQuery({ queryKey: authKeys.session, queryFn: () => apiFetch<CurrentOperator>("/api/auth/session"), staleTime: 60_000 });
}

export function useApiTokens() {
  return useQuery({ queryKey: authKeys.tokens, queryFn: async () => (await apiFetch<{ data: ApiToken[] }>("/api/tokens")).data });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<CreatedToken>("/api/tokens", { method: "POST", body: JSON.stringify({ name }) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: authKeys.tokens });
      void client.invalidateQueries({ queryKey: authKeys.audit });
    },
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<ApiToken>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: authKeys.tokens });
      void client.invalidateQueries({ queryKey: authKeys.audit });
    },
  });
}

export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: authKeys.audit,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiFetch<AuditPage>(`/api/audit?limit=${AUDIT_PAGE_SIZE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export type OperatorItem = Wire<OperatorView>;

export const operatorKeys = { all: ["operators"] as const };

export function useOperators() {
  return useQuery({ queryKey: operatorKeys.all, queryFn: async () => (await apiFetch<{ data: OperatorItem[] }>("/api/operators")).data });
}

export function useAddOperator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OperatorCreateInput) => apiFetch<OperatorItem>("/api/operators", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: operatorKeys.all });
      void client.invalidateQueries({ queryKey: authKeys.audit });
    },
  });
}

export function useRemoveOperator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/operators/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: operatorKeys.all });
      void client.invalidateQueries({ queryKey: authKeys.audit });
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => apiFetch("/api/account/password", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: authKeys.audit }),
  });
}
