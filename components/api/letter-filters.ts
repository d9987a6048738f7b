import { DEAD_LETTER_STATUSES, type DeadLetterStatus } from "@/lib/dlq/dead-letter-view";
import { FAILURE_REASONS, type FailureReason } from "@/lib/retry/classify";

/*
 * The dead letter list keeps its filters, page and the bulk job being watched in the query
 * string, so a view (or a running job's progress) can be shared and survives a reload:
 *   /dead-letters?status=all&reason=max_retries&endpoint=<id>&type=order.created&cursor=<id>&job=<id>
 * Pending is the default status (what an operator has to act on), so it is left out of the
 * URL; "all" lifts the status filter. Decoding never throws: values it does not know are dropped.
 */

export type StatusFilter = DeadLetterStatus | "all";

export interface LetterFilters {
  status: StatusFilter;
  reason: FailureReason | null;
  endpointId: string | null;
  eventType: string | null;
}

/** One page of the list: what the hooks fetch and key by. */
export interface LetterListQuery extends LetterFilters {
  cursor: string | null;
}

export const DEFAULT_FILTERS: LetterFilters = { status: "pending", reason: null, endpointId: null, eventType: null };

export const PAGE_SIZE = 25;

export const STATUS_FILTERS: readonly StatusFilter[] = [...DEAD_LETTER_STATUSES, "all"];

const isStatusFilter = (value: string): value is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(value);
export const isReason = (value: string): value is FailureReason => (FAILURE_REASONS as readonly string[]).includes(value);

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

export function filtersFromSearch(params: URLSearchParams): LetterFilters {
  const status = params.get("status") ?? "";
  const reason = params.get("reason") ?? "";
  return {
    status: isStatusFilter(status) ? status : DEFAULT_FILTERS.status,
    reason: isReason(reason) ? reason : null,
    endpointId: text(params.get("endpoint")),
    eventType: text(params.get("type")),
  };
}

export interface PageState {
  cursor: string | null;
  /** The bulk reprocess job whose progress the page shows. */
  job: string | null;
}

export function pageStateFromSearch(params: URLSearchParams): PageState {
  return { cursor: text(params.get("cursor")), job: text(params.get("job")) };
}

/** The page's query string with a leading "?", or "" for the default view. */
export function filtersToSearch(filters: LetterFilters, page: Partial<PageState> = {}): string {
  const params = new URLSearchParams();
  if (filters.status !== DEFAULT_FILTERS.status) params.set("status", filters.status);
  if (filters.reason) params.set("reason", filters.reason);
  if (filters.endpointId) params.set("endpoint", filters.endpointId);
  const eventType = text(filters.eventType);
  if (eventType) params.set("type", eventType);
  if (page.cursor) params.set("cursor", page.cursor);
  if (page.job) params.set("job", page.job);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The GET /api/dlq URL for one page of letters. */
export function lettersApiPath(filters: LetterFilters, cursor: string | null, limit: number = PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.status !== "all") params.set("status", filters.status);
  if (filters.reason) params.set("reason", filters.reason);
  if (filters.endpointId) params.set("endpointId", filters.endpointId);
  const eventType = text(filters.eventType);
  if (eventType) params.set("eventType", eventType);
  if (cursor) params.set("cursor", cursor);
  return `/api/dlq?${params.toString()}`;
}

/** The stats follow the endpoint filter only: the chart compares reasons and statuses, so it never narrows by them. */
export function statsApiPath(filters: LetterFilters): string {
  return filters.endpointId ? `/api/dlq/stats?endpointId=${encodeURIComponent(filters.endpointId)}` : "/api/dlq/stats";
}

export interface BulkFilter {
  reason?: FailureReason[];
  endpointId?: string;
  eventType?: string;
}

/** Letters named one by one, or every pending letter a filter matches. */
export type BulkSelection = { ids: string[] } | { filter: BulkFilter };

/**
 * The list's filters as a bulk request's filter. A bulk action only ever reaches pending
 * letters (the API has no status in it), whatever status the list shows.
 */
export function toBulkFilter(filters: LetterFilters): BulkFilter {
  const bulk: BulkFilter = {};
  if (filters.reason) bulk.reason = [filters.reason];
  if (filters.endpointId) bulk.endpointId = filters.endpointId;
  const eventType = text(filters.eventType);
  if (eventType) bulk.eventType = eventType;
  return bulk;
}

export function hasFilters(filters: LetterFilters): boolean {
  return filters.status !== DEFAULT_FILTERS.status || filters.reason !== null || filters.endpointId !== null || text(filters.eventType) !== null;
}
