import { ENDPOINT_STATUSES, type EndpointStatus } from "./status";

/*
 * The endpoint list's filters live in the query string so a filtered view can be shared and
 * survives a reload:  ?q=billing&status=failing&policy=<id>|default&sort=-created
 * Defaults are left out of the URL; unknown values fall back to the default instead of failing.
 */

export const SORT_COLUMNS = ["url", "policy", "status", "created"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface EndpointSort {
  column: SortColumn;
  desc: boolean;
}

export type StatusFilter = EndpointStatus | "all";

/** "default" picks endpoints that follow the default policy (no policy of their own). */
export const FOLLOWS_DEFAULT = "default";

export interface EndpointFilters {
  q: string;
  status: StatusFilter;
  policy: string;
  sort: EndpointSort;
}

export const DEFAULT_SORT: EndpointSort = { column: "created", desc: true };

function parseSort(value: string | null): EndpointSort {
  if (!value) return DEFAULT_SORT;
  const desc = value.startsWith("-");
  const column = desc ? value.slice(1) : value;
  return (SORT_COLUMNS as readonly string[]).includes(column) ? { column: column as SortColumn, desc } : DEFAULT_SORT;
}

export function parseFilters(params: URLSearchParams): EndpointFilters {
  const status = params.get("status");
  return {
    q: params.get("q") ?? "",
    status: (ENDPOINT_STATUSES as readonly string[]).includes(status ?? "") ? (status as EndpointStatus) : "all",
    policy: params.get("policy") ?? "",
    sort: parseSort(params.get("sort")),
  };
}

export function filtersToQuery(filters: EndpointFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q);
  if (filters.status !== "all") params.set("status", filters.status);
  if (filters.policy) params.set("policy", filters.policy);
  const { column, desc } = filters.sort;
  if (column !== DEFAULT_SORT.column || desc !== DEFAULT_SORT.desc) params.set("sort", `${desc ? "-" : ""}${column}`);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasNarrowingFilters(filters: EndpointFilters): boolean {
  return filters.q.trim() !== "" || filters.status !== "all" || filters.policy !== "";
}
