"use client";

import type { Endpoint } from "@/components/api/endpoint-hooks";
import { HoverTip } from "@/components/ui/hover-tip";
import { ToneBadge } from "@/components/ui/tone-badge";
import { relativeTime } from "./dates";
import { endpointStatus, STATUS_LABELS, STATUS_TONES } from "./status";

type StatusFields = Pick<Endpoint, "enabled" | "failingSince" | "disabledReason" | "disabledAt">;

/** Why the endpoint is in its state, in a sentence; null for a healthy endpoint. */
function statusExplanation(endpoint: StatusFields): string | null {
  const status = endpointStatus(endpoint);
  if (status === "failing" && endpoint.failingSince) {
    return `Every attempt has failed since ${relativeTime(endpoint.failingSince).exact}.`;
  }
  if (status === "disabled") {
    const since = endpoint.disabledAt ? ` (since ${relativeTime(endpoint.disabledAt).exact})` : "";
    return `${endpoint.disabledReason ?? "Disabled"}${since}.`;
  }
  return null;
}

/** Enabled, failing or disabled; the reason shows on hover and on keyboard focus. */
export function EndpointStatusBadge({ endpoint }: { endpoint: StatusFields }) {
  const status = endpointStatus(endpoint);
  const badge = (
    <ToneBadge tone={STATUS_TONES[status]} dot data-status={status}>
      {STATUS_LABELS[status]}
    </ToneBadge>
  );
  const why = statusExplanation(endpoint);
  return why ? <HoverTip content={why}>{badge}</HoverTip> : badge;
}
