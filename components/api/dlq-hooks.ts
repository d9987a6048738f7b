"use client";

import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { toast } from "sonner";
import type * as contract from "@/lib/contract/dead-letters";
import { letterHref } from "./hrefs";
import { lettersApiPath, statsApiPath, type BulkSelection, type LetterFilters, type LetterListQuery } from "./letter-filters";
import { useActionKey } from "./action-key";
import { mutationErrorText } from "./error-text";
import { ApiError, apiFetch } from "./fetcher";
import { deliveryKeys, endpointKeys, overviewKeys } from "./keys";

// The answers' types are inferred from the API's schemas (lib/contract), as JSON carries them.
export type LetterItem = contract.DeadLetterListItem;
export type LetterDetail = contract.DeadLetterDetail;
export type DlqStatsView = contract.DlqStats;
export type BulkJob = contract.BulkJob;
export type DryRunView = Extract<contract.ReprocessJobResult, { dryRun: true }>;
export type CreatedJobView = Extract<contract.ReprocessJobResult, { dryRun: false }>;
export type DiscardResultView = contract.DiscardResult;
export type ReprocessResultView = contract.ReprocessResult;
export type LetterPage = contract.DeadLetterPage;

export const dlqKeys = {
  all: ["dlq"] as const,
  stats: (endpointId: string | null) => [...dlqKeys.all, "stats", endpointId] as const,
  lists: () => [...dlqKeys.all, "list"] as const,
  list: (query: LetterListQuery) => [...dlqKeys.lists(), query] as const,
  details: () => [...dlqKeys.all, "detail"] as const,
  detail: (id: string) => [...dlqKeys.details(), id] as const,
  dryRun: (action: "reprocess" | "discard", selection: BulkSelection) => [...dlqKeys.all, "dry-run", action, selection] as const,
  job: (id: string) => [...dlqKeys.all, "job", id] as const,
};

/** While letters are being reprocessed, poll fast enough to watch them settle. */
const LIVE_MS = 1_000;
/** Otherwise the list still refreshes, so letters that fail meanwhile show up without a reload. */
const IDLE_MS = 5_000;
/** How long a one-click reprocess is followed for its toast before the toast hands over to the list. */
const FOLLOW_MS = 60_000;

const letterPath = (id: string) => `/api/dlq/${encodeURIComponent(id)}`;

export function isSettling(status: string): boolean {
  return status === "reprocessing";
}

export function useDlqStats(filters: LetterFilters, live: boolean) {
  return useQuery({
    queryKey: dlqKeys.stats(filters.endpointId),
    queryFn: ({ signal }) => apiFetch<DlqStatsView>(statsApiPath(filters), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_MS : IDLE_MS,
  });
}

export function useDeadLetters(query: LetterListQuery, live: boolean) {
  return useQuery({
    queryKey: dlqKeys.list(query),
    queryFn: ({ signal }) => apiFetch<LetterPage>(lettersApiPath(query, query.cursor), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (live || q.state.data?.data.some((l) => isSettling(l.status)) ? LIVE_MS : IDLE_MS),
  });
}

export function useDeadLetter(id: string) {
  return useQuery({
    queryKey: dlqKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<LetterDetail>(letterPath(id), { signal }),
    refetchInterval: (q) => (q.state.data && isSettling(q.state.data.status) ? LIVE_MS : IDLE_MS),
  });
}

/** Every view a change to letters can touch: the letters, the deliveries a reprocess makes, the overview's counts. */
function invalidateAfterLetters(client: QueryClient, endpointsToo = false) {
  void client.invalidateQueries({ queryKey: dlqKeys.all });
  void client.invalidateQueries({ queryKey: deliveryKeys.all });
  void client.invalidateQueries({ queryKey: overviewKeys.all });
  if (endpointsToo) void client.invalidateQueries({ queryKey: endpointKeys.all });
}

type Snapshot = [QueryKey, unknown][];

/** Shows `status` on the letter wherever it is cached, at once; returns what to put back if the server refuses. */
async function setLetterStatus(client: QueryClient, id: string, status: LetterItem["status"]): Promise<Snapshot> {
  await client.cancelQueries({ queryKey: dlqKeys.lists() });
  await client.cancelQueries({ queryKey: dlqKeys.detail(id) });
  const snapshot: Snapshot = [...client.getQueriesData({ queryKey: dlqKeys.lists() }), ...client.getQueriesData({ queryKey: dlqKeys.detail(id) })];
  client.setQueriesData<LetterPage>({ queryKey: dlqKeys.lists() }, (page) =>
    page ? { ...page, data: page.data.map((l) => (l.id === id ? { ...l, status } : l)) } : page,
  );
  client.setQueryData<LetterDetail>(dlqKeys.detail(id), (letter) => (letter ? { ...letter, status } : letter));
  return snapshot;
}

function restore(client: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) client.setQueryData(key, data);
}

/** The 409 a reprocess to a disabled endpoint gets; it can be retried with the endpoint re-enabled. */
export function isEndpointDisabled(err: unknown): err is ApiError {
  if (!(err instanceof ApiError) || err.status !== 409) return false;
  const details = err.details;
  return typeof details === "object" && details !== null && "reason" in details && details.reason === "endpoint_disabled";
}

interface ReprocessVariables {
  id: string;
  enableEndpoint?: boolean;
}

export function useReprocessLetter() {
  const client = useQueryClient();
  const action = useActionKey();
  return useMutation({
    mutationFn: ({ id, enableEndpoint }: ReprocessVariables) =>
      apiFetch<ReprocessResultView>(`${letterPath(id)}/reprocess`, { method: "POST", headers: action.headers(), body: JSON.stringify(enableEndpoint ? { enableEndpoint: true } : {}) }),
    onMutate: ({ id }) => setLetterStatus(client, id, "reprocessing"),
    onError: (_err, _vars, snapshot) => restore(client, snapshot),
    onSettled: (_data, _err, { enableEndpoint }) => {
      action.settled();
      invalidateAfterLetters(client, enableEndpoint);
    },
  });
}

/** Polls a letter until its reprocess settles; resolves with it, or with null when it takes longer than the toast waits. */
async function settledLetter(id: string): Promise<LetterDetail | null> {
  const until = Date.now() + FOLLOW_MS;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, LIVE_MS));
    const letter = await apiFetch<LetterDetail>(letterPath(id));
    if (!isSettling(letter.status)) return letter;
  }
  return null;
}

/**
 * One-click reprocess with its toasts: a toast follows the letter until the new delivery
 * settles and says how it ended; a disabled endpoint is offered "Re-enable and reprocess".
 */
export function useReprocessAction() {
  const client = useQueryClient();
  const router = useRouter();
  const { mutate } = useReprocessLetter();

  const reprocess = useCallback(
    function run(id: string, enableEndpoint = false) {
      mutate(
        { id, enableEndpoint },
        {
          onSuccess: (result) => {
            const open = { label: "Open", onClick: () => router.push(letterHref(id)) };
            if (result.kind === "inbound") {
              const ok = result.deadLetter.status === "reprocessed";
              if (ok) toast.success("Letter reprocessed", { description: "The inbound event was processed this time.", action: open });
              else toast.error("Reprocessing failed again", { description: result.deadLetter.errorDetails ?? "The letter is pending again.", action: open });
              return;
            }
            const toastId = toast.loading(enableEndpoint ? "Endpoint re-enabled; reprocessing the letter…" : "Reprocessing the letter…", {
              description: `Sending it again as delivery ${result.deliveryId}`,
              action: open,
            });
            void settledLetter(id)
              .then((letter) => {
                if (letter === null) toast.info("Still reprocessing", { id: toastId, description: "The delivery is retrying; the letter's page shows how it goes.", action: open });
                else if (letter.status === "reprocessed") toast.success("Letter reprocessed", { id: toastId, description: "The endpoint accepted it.", action: open });
                else toast.error("Reprocessing failed again", { id: toastId, description: letter.errorDetails ?? `The letter is ${letter.status}.`, action: open });
              })
              .catch((err: unknown) => toast.error("Could not follow the reprocess", { id: toastId, description: mutationErrorText(err), action: open }))
              .finally(() => invalidateAfterLetters(client));
          },
          onError: (err) => {
            if (isEndpointDisabled(err)) {
              toast.error("The endpoint is disabled", {
                description: err.message,
                duration: 15_000,
                action: { label: "Re-enable and reprocess", onClick: () => run(id, true) },
              });
              return;
            }
            toast.error("Reprocess failed", { description: mutationErrorText(err) });
          },
        },
      );
    },
    [client, mutate, router],
  );

  return { reprocess };
}

export function useDiscardLetter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<LetterItem>(`${letterPath(id)}/discard`, { method: "POST" }),
    onMutate: (id) => setLetterStatus(client, id, "discarded"),
    onError: (err, _id, snapshot) => {
      restore(client, snapshot);
      toast.error("Discard failed", { description: mutationErrorText(err) });
    },
    onSuccess: () => toast.success("Letter discarded", { description: "It stays on record and will not be sent." }),
    onSettled: () => invalidateAfterLetters(client),
  });
}

function selectionBody(selection: BulkSelection) {
  return "ids" in selection ? { ids: selection.ids } : { filter: selection.filter };
}

/** How many pending letters a bulk action would reach now, and which of their endpoints are disabled. */
export function useReprocessDryRun(selection: BulkSelection | null) {
  return useQuery({
    queryKey: selection ? dlqKeys.dryRun("reprocess", selection) : [...dlqKeys.all, "dry-run", "none"],
    queryFn: selection
      ? ({ signal }) => apiFetch<DryRunView>("/api/dlq/reprocess", { method: "POST", body: JSON.stringify({ ...selectionBody(selection), dryRun: true }), signal })
      : skipToken,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useDiscardDryRun(selection: BulkSelection | null) {
  return useQuery({
    queryKey: selection ? dlqKeys.dryRun("discard", selection) : [...dlqKeys.all, "dry-run", "none"],
    queryFn: selection
      ? ({ signal }) => apiFetch<{ dryRun: true; matched: number }>("/api/dlq/discard", { method: "POST", body: JSON.stringify({ ...selectionBody(selection), dryRun: true }), signal })
      : skipToken,
    staleTime: 0,
    gcTime: 0,
  });
}

export interface StartJobVariables {
  selection: BulkSelection;
  ratePerSecond: number;
  enableEndpoint: boolean;
}

export function useStartReprocessJob() {
  const client = useQueryClient();
  const action = useActionKey();
  return useMutation({
    mutationFn: ({ selection, ratePerSecond, enableEndpoint }: StartJobVariables) =>
      apiFetch<CreatedJobView>("/api/dlq/reprocess", { method: "POST", headers: action.headers(), body: JSON.stringify({ ...selectionBody(selection), ratePerSecond, enableEndpoint }) }),
    onSuccess: (created) => {
      client.setQueryData(dlqKeys.job(created.job.id), created.job);
      toast.success(`Reprocessing ${created.job.total.toLocaleString("en-US")} ${created.job.total === 1 ? "letter" : "letters"}`, {
        description: `At ${created.job.ratePerSecond ?? ""} per second; progress is shown above the list.`,
      });
    },
    onError: (err) => toast.error("The bulk reprocess did not start", { description: mutationErrorText(err) }),
    onSettled: (_data, _err, { enableEndpoint }) => {
      action.settled();
      invalidateAfterLetters(client, enableEndpoint);
    },
  });
}

/** A bulk job's progress, polled every second until it has finished. */
export function useBulkJob(id: string | null) {
  return useQuery({
    queryKey: id ? dlqKeys.job(id) : [...dlqKeys.all, "job", "none"],
    queryFn: id ? ({ signal }) => apiFetch<BulkJob>(`/api/dlq/reprocess/${encodeURIComponent(id)}`, { signal }) : skipToken,
    refetchInterval: (q) => (q.state.data?.finishedAt ? false : LIVE_MS),
  });
}

export function useCancelJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<BulkJob>(`/api/dlq/reprocess/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
    onSuccess: (job) => {
      client.setQueryData(dlqKeys.job(job.id), job);
      toast.success("Cancelling the bulk reprocess", { description: "No more letters are taken; the ones already sent finish on their own." });
    },
    onError: (err) => toast.error("Could not cancel the job", { description: mutationErrorText(err) }),
    onSettled: () => invalidateAfterLetters(client),
  });
}

export function useBulkDiscard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (selection: BulkSelection) => apiFetch<DiscardResultView>("/api/dlq/discard", { method: "POST", body: JSON.stringify(selectionBody(selection)) }),
    onSuccess: (result) => {
      if (result.dryRun) return;
      toast.success(`Discarded ${result.discarded.toLocaleString("en-US")} ${result.discarded === 1 ? "letter" : "letters"}`, {
        description: result.ignored > 0 ? `${result.ignored} were no longer pending and were left as they are.` : "They stay on record and will not be sent.",
      });
    },
    onError: (err) => toast.error("Discard failed", { description: mutationErrorText(err) }),
    onSettled: () => invalidateAfterLetters(client),
  });
}

/** Once a job has finished, the letters it touched have changed: refresh everything once. */
export function useRefreshAfterJob() {
  const client = useQueryClient();
  return useCallback(() => invalidateAfterLetters(client), [client]);
}
