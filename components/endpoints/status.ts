import type { Tone } from "@/components/ui/tone";
import type { Endpoint } from "@/components/api/endpoint-hooks";

export const ENDPOINT_STATUSES = ["enabled", "failing", "disabled"] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

/**
 * Failing is an enabled endpoint whose every attempt has failed since `failingSince`: still
 * receiving deliveries, but on its way to being disabled automatically.
 */
export function endpointStatus(endpoint: Pick<Endpoint, "enabled" | "failingSince">): EndpointStatus {
  if (!endpoint.enabled) return "disabled";
  return endpoint.failingSince ? "failing" : "enabled";
}

export const STATUS_LABELS: Record<EndpointStatus, string> = { enabled: "Enabled", failing: "Failing", disabled: "Disabled" };

export const STATUS_TONES: Record<EndpointStatus, Tone> = { enabled: "success", failing: "warning", disabled: "danger" };

/** Sorting by status puts the endpoints that need attention first. */
export const STATUS_RANK: Record<EndpointStatus, number> = { disabled: 0, failing: 1, enabled: 2 };
