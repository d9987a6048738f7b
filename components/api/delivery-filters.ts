import { DELIVERY_STATUSES, type DeliveryStatus } from "@/lib/delivery/delivery-view";

/*
 * The deliveries list keeps its filters and page in the query string so a view can be
 * shared and survives a reload:
 *   /deliveries?status=pending,dead&endpoint=<id>&type=order.created&since=1h&q=evt_1042&cursor=<id>
 * "since" is a relative window, resolved against the clock when the list is fetched, so a
 * shared "last hour" link means the last hour for whoever opens it. Decoding never throws:
 * values it does not understand are dropped.
 */

export const SINCE_WINDOWS = {
  "15m": 15 * 60_000,
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
} as const;

export type SinceWindow = keyof typeof SINCE_WINDOWS;

export const SINCE_LABELS: Record<SinceWindow, string> = {
  "15m": "Last 15 minutes",
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
};

export interface DeliveryFilters {
  status: DeliveryStatus[];
  endpointId: string | null;
  eventType: string | null;
  since: SinceWindow | null;
  /** What the search box takes (an event id, `order.*`, `data.id=…`, payload words): `q` on the API. */
  q: string | null;
}

/** One page of the list: what the hooks fetch and key by. */
export interface DeliveryListQuery extends DeliveryFilters {
  cursor: string | null;
}

export const NO_FILTERS: DeliveryFilters = { status: [], endpointId: null, eventType: null, since: null, q: null };

export const PAGE_SIZE = 25;

const isStatus = (value: string): value is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(value);
const isSince = (value: string): value is SinceWindow => Object.hasOwn(SINCE_WINDOWS, value);

function text(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** Statuses come back in the canonical order, once each, so equal filters give equal URLs and cache keys. */
function normalizeStatuses(values: readonly string[]): DeliveryStatus[] {
  const wanted = new Set(values.filter(isStatus));
  return DELIVERY_STATUSES.filter((s) => wanted.has(s));
}

export function filtersFromSearch(params: URLSearchParams): DeliveryFilters {
  const since = params.get("since");
  return {
    status: normalizeStatuses((params.get("status") ?? "").split(",").map((s) => s.trim())),
    endpointId: text(params.get("endpoint")),
    eventType: text(params.get("type")),
    since: since !== null && isSince(since) ? since : null,
    q: text(params.get("q")),
  };
}

export function cursorFromSearch(params: URLSearchParams): string | null {
  return text(params.get("cursor"));
}

/** The query string for the page's URL, with a leading "?" (or "" for the unfiltered first page). */
export function filtersToSearch(filters: DeliveryFilters, cursor: string | null = null): string {
  const params = new URLSearchParams();
  const status = normalizeStatuses(filters.status);
  if (status.length > 0) params.set("status", status.join(","));
  if (filters.endpointId) params.set("endpoint", filters.endpointId);
  const eventType = text(filters.eventType);
  if (eventType) params.set("type", eventType);
  if (filters.since) params.set("since", filters.since);
  const q = text(filters.q);
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `?${query}` : "";
}

/** The GET /api/deliveries URL for one page; `now` resolves the relative "since". */
export function deliveriesApiPath(filters: DeliveryFilters, cursor: string | null, now: number, limit: number = PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(limit) });
  const status = normalizeStatuses(filters.status);
  if (status.length > 0) params.set("status", status.join(","));
  if (filters.endpointId) params.set("endpointId", filters.endpointId);
  const eventType = text(filters.eventType);
  if (eventType) params.set("eventType", eventType);
  if (filters.since) params.set("since", new Date(now - SINCE_WINDOWS[filters.since]).toISOString());
  const q = text(filters.q);
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  return `/api/deliveries?${params.toString()}`;
}

export function hasFilters(filters: DeliveryFilters): boolean {
  return filters.status.length > 0 || filters.endpointId !== null || text(filters.eventType) !== null || filters.since !== null || text(filters.q) !== null;
}

/** A status that will still change on its own, so a view showing it should keep refreshing. */
export function isLive(status: string): boolean {
  return status === "pending" || status === "in_flight";
}
