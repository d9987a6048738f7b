"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/fetcher";
import type { ApiToken, AuditPage, CreatedApiToken, Operator, Session, SignedIn } from "@/lib/contract/auth";
import type { OperatorCreateInput, PasswordChangeInput, SetupInput, SignInInput } from "@/lib/auth/credentials";

// The answers' types are inferred from the API's schemas (lib/contract), as JSON carries them.
export type { ApiToken, AuditEntry } from "@/lib/contract/auth";
export type CreatedToken = CreatedApiToken;
export type CurrentOperator = Session;

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
    mutationFn: (id: string) => apiFetch<undefined>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
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

/*
 * Signing in, setting up and signing out change whose session every cached query belongs
 * to, and each is followed by a full page load: plain requests, not mutations with cache
 * updates. Kept here so no component calls the API itself.
 */
export const authRequests = {
  signIn: (values: SignInInput) => apiFetch<SignedIn>("/api/auth/sign-in", { method: "POST", body: JSON.stringify(values) }),
  setUp: (values: SetupInput) => apiFetch<SignedIn>("/api/auth/setup", { method: "POST", body: JSON.stringify(values) }),
  signOut: () => apiFetch<undefined>("/api/auth/sign-out", { method: "POST" }),
};

export type OperatorItem = Operator;

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
    mutationFn: (id: string) => apiFetch<undefined>(`/api/operators/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: operatorKeys.all });
      void client.invalidateQueries({ queryKey: authKeys.audit });
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => apiFetch<undefined>("/api/account/password", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: authKeys.audit }),
  });
}
