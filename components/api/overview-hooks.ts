"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Overview } from "@/lib/contract/ops";
import type { OverviewWindow } from "@/components/overview/shape";
import { apiFetch } from "./fetcher";

export const overviewKeys = {
  all: ["overview"] as const,
  window: (range: OverviewWindow) => [...overviewKeys.all, range] as const,
};

const REFRESH_MS = 5_000;

/** The overview numbers for one time window, refreshed every few seconds; the last ones stay up while another window loads. */
export function useOverview(range: OverviewWindow) {
  return useQuery({
    queryKey: overviewKeys.window(range),
    queryFn: ({ signal }) => apiFetch<Overview>(`/api/overview?window=${range}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
