import { INBOUND_STATUSES, type InboundStatus } from "@/lib/inbound/inbound-status";

/*
 * The inbound list keeps its filters and page in the query string so a view can be shared
 * and survives a reload: /inbound?source=stripe&status=failed&type=invoice.paid&q=evt_1042&cursor=<id>.
 * Decoding never throws: values it does not understand are dropped.
 */

export interface InboundFilters {
  source: string | null;
  status: InboundStatus | null;
  /** An exact event type: the API matches it whole. */
  eventType: string | null;
  /** What the search box takes (an event id, `order.*`, `data.id=…`, payload words): `q` on the API. */
  q: string | null;
}

/** One page of the list: what the hooks fetch and key by. */
export interface InboundListQuery extends InboundFilters {
  cursor: string | null;
}

export const NO_INBOUND_FILTERS: InboundFilters = { source: null, status: null, eventType: null, q: null };

export const INBOUND_PAGE_SIZE = 25;

const isStatus = (value: string): value is InboundStatus => (INBOUND_STATUSES as readonly string[]).includes(value);

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

export function inboundFiltersFromSearch(params: URLSearchParams): InboundFilters {
  const status = params.get("status") ?? "";
  return { source: text(params.get("source")), status: isStatus(status) ? status : null, eventType: text(params.get("type")), q: text(params.get("q")) };
}

export function inboundCursorFromSearch(params: URLSearchParams): string | null {
  return text(params.get("cursor"));
}

/** The page's query string with a leading "?", or "" for the unfiltered first page. */
export function inboundFiltersToSearch(filters: InboundFilters, cursor: string | null = null): string {
  const params = new URLSearchParams();
  if (filters.source) params.set("source", filters.source);
  if (filters.status) params.set("status", filters.status);
  const eventType = text(filters.eventType);
  if (eventType) params.set("type", eventType);
  const q = text(filters.q);
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function inboundApiPath(filters: InboundFilters, cursor: string | null, limit: number = INBOUND_PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.source) params.set("source", filters.source);
  if (filters.status) params.set("status", filters.status);
  const eventType = text(filters.eventType);
  if (eventType) params.set("eventType", eventType);
  const q = text(filters.q);
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  return `/api/inbound?${params.toString()}`;
}

export function hasInboundFilters(filters: InboundFilters): boolean {
  return filters.source !== null || filters.status !== null || text(filters.eventType) !== null || text(filters.q) !== null;
}
