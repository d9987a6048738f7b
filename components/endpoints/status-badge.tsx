"use client";

import type { ReactNode } from "react";
import type { Endpoint } from "@/components/api/endpoint-hooks";
import { HoverTip } from "@/components/ui/hover-tip";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/relative-time";
import { endpointStatus, STATUS_LABELS, STATUS_TONES } from "./status";

type StatusFields = Pick<Endpoint, "enabled" | "failingSince" | "disabledReason" | "disabledAt">;

/** Why the endpoint is in its state, in a sentence; null for a healthy endpoint. */
function statusExplanation(endpoint: StatusFields): ReactNode {
  const status = endpointStatus(endpoint);
  if (status === "failing" && endpoint.failingSince) {
    return (
      <>
        Every attempt has failed since <DateTime at={endpoint.failingSince} />.
      </>
    );
  }
  if (status === "disabled") {
    return (
      <>
        {endpoint.disabledReason ?? "Disabled by an operator"}
        {endpoint.disabledAt ? (
          <>
            {" "}
            (since <DateTime at={endpoint.disabledAt} />)
          </>
        ) : null}
        .
      </>
    );
  }
  return null;
}

/** Enabled, failing or disabled; the reason shows on hover and on keyboard focus. */
export function EndpointStatusBadge({ endpoint }: { endpoint: StatusFields }) {
  const status = endpointStatus(endpoint);
  const badge = (
    <Badge tone={STATUS_TONES[status]} dot data-status={status}>
      {STATUS_LABELS[status]}
    </Badge>
  );
  const why = statusExplanation(endpoint);
  return why ? <HoverTip content={why}>{badge}</HoverTip> : badge;
}
