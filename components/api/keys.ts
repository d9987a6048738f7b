import type { OverviewQuery } from "@/lib/overview/get-overview";
import type { DeliveryListQuery } from "./delivery-filters";

/*
 * Query keys of the resources whose hooks invalidate one another (a replay refreshes the
 * endpoint's health and the overview; an endpoint change refreshes deliveries): kept
 * apart from the hooks so no hook module imports another.
 */

export const deliveryKeys = {
  all: ["deliveries"] as const,
  lists: () => [...deliveryKeys.all, "list"] as const,
  list: (query: DeliveryListQuery) => [...deliveryKeys.lists(), query] as const,
  details: () => [...deliveryKeys.all, "detail"] as const,
  detail: (id: string) => [...deliveryKeys.details(), id] as const,
};

export const endpointKeys = {
  all: ["endpoints"] as const,
  list: () => [...endpointKeys.all, "list"] as const,
  options: () => [...endpointKeys.all, "options"] as const,
  details: () => [...endpointKeys.all, "detail"] as const,
  detail: (id: string) => [...endpointKeys.details(), id] as const,
  series: (id: string) => [...endpointKeys.all, "series", id] as const,
};

export const policyKeys = {
  all: ["policies"] as const,
  list: () => [...policyKeys.all, "list"] as const,
  details: () => [...policyKeys.all, "detail"] as const,
  detail: (id: string) => [...policyKeys.details(), id] as const,
};

export const overviewKeys = {
  all: ["overview"] as const,
  window: (range: OverviewQuery["window"]) => [...overviewKeys.all, range] as const,
};
