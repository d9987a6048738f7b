import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";

/** The body of a resend (reprocess, replay): optional, as a one-click resend sends none. */
export const resendRequestSchema = z
  .object({
    enableEndpoint: z.boolean({ error: "enableEndpoint must be true or false" }).default(false),
  })
  .strict();

/** Re-enabling gives a clean slate: the auto-disable clock starts again from the next failure. */
const ENABLED = { enabled: true, disabledReason: null, disabledAt: null, failingSince: null };

export const endpointStateSelect = { id: true, url: true, enabled: true, disabledReason: true } as const;

export interface EndpointState {
  id: string;
  url: string;
  enabled: boolean;
  disabledReason: string | null;
}

/**
 * The worker never sends to a disabled endpoint (it dead-letters such a delivery at once),
 * so a resend to one asks the operator to re-enable it first, or re-enables it when the
 * request says so. Runs inside the transaction that creates the deliveries, on endpoint
 * rows read in it.
 */
export async function requireEnabledEndpoints(tx: Tx, endpoints: EndpointState[], enableEndpoint: boolean): Promise<void> {
  const disabled = endpoints.filter((e) => !e.enabled).map(({ id, url, disabledReason }) => ({ id, url, disabledReason }));
  if (disabled.length === 0) return;
  if (!enableEndpoint) {
    const which = disabled.length === 1 ? `Endpoint ${disabled[0].url} is disabled (${disabled[0].disabledReason ?? "no reason recorded"})` : `${disabled.length} endpoints are disabled`;
    const them = disabled.length === 1 ? "it" : "them";
    throw new AppError("conflict", `${which}. Re-enable ${them} first, or send "enableEndpoint": true to re-enable ${them} with this request`, {
      details: { reason: "endpoint_disabled", endpoints: disabled },
    });
  }
  await tx.endpoint.updateMany({ where: { id: { in: disabled.map((e) => e.id) }, enabled: false }, data: ENABLED });
}
