import type { Endpoint } from "../db/client";
import { parseEventTypeFilter } from "./event-filter";
import { secretHint } from "./endpoint-secret";

/** What every endpoint query includes so the view can name the policy. */
export const endpointInclude = { policy: { select: { id: true, name: true } } } as const;

export type EndpointWithPolicy = Endpoint & { policy: { id: string; name: string } | null };

/** An endpoint as the API shows it: the secret never, only its last characters. */
export interface EndpointView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: Date | null;
  failingSince: Date | null;
  policyId: string | null;
  policy: { id: string; name: string } | null;
  rateLimitPerSecond: number | null;
  maxConcurrency: number | null;
  secretHint: string;
  /** Set while a rotated-out secret still signs alongside the new one. */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toEndpointView(row: EndpointWithPolicy, now: Date = new Date()): EndpointView {
  const rotating = row.previousSecret !== null && row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt > now;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: parseEventTypeFilter(row.eventTypes),
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    failingSince: row.failingSince,
    policyId: row.policyId,
    policy: row.policy,
    rateLimitPerSecond: row.rateLimitPerSecond,
    maxConcurrency: row.maxConcurrency,
    secretHint: secretHint(row.secret),
    previousSecretExpiresAt: rotating ? row.previousSecretExpiresAt : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
