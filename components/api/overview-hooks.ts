"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Overview } from "@/lib/contract/ops";
import type { OverviewQuery } from "@/lib/overview/get-overview";
import { apiFetch } from "./fetcher";
import { overviewKeys } from "./keys";

const REFRESH_MS = 5_000;

/** The overview numbers for one time window, refreshed every few seconds; the last ones stay up while another window loads. */
export function useOverview(range: OverviewQuery["window"]) {
  return useQuery({
    queryKey: overviewKeys.window(range),
    queryFn: ({ signal }) => apiFetch<Overview>(`/api/overview?window=${range}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
