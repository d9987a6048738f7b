import type { ClaimedDelivery } from "./types";

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A claimed delivery from the claim's row, the same columns on both providers (times in epoch ms). */
export function claimedFromRow(r: Record<string, unknown>): ClaimedDelivery {
  return {
    id: String(r.id),
    attemptCount: Number(r.attemptCount),
    deadLetterId: str(r.deadLetterId),
    previousDelayMs: num(r.previousDelayMs),
    message: { id: String(r.messageId), eventType: String(r.eventType), payload: String(r.payload), sourceHeaders: str(r.sourceHeaders) },
    endpoint: {
      id: String(r.endpointId),
      url: String(r.url),
      secret: String(r.secret),
      previousSecret: str(r.previousSecret),
      previousSecretExpiresAt: num(r.previousSecretExpiresAt),
      enabled: r.enabled === true || r.enabled === 1,
      disabledReason: str(r.disabledReason),
      failingSince: num(r.failingSince),
      rateLimitPerSecond: num(r.rateLimitPerSecond),
      maxConcurrency: num(r.maxConcurrency),
    },
    policy:
      r.policyId === null || r.policyId === undefined
        ? null
        : {
            maxAttempts: Number(r.maxAttempts),
            initialDelayMs: Number(r.initialDelayMs),
            maxDelayMs: Number(r.maxDelayMs),
            exponentialBase: Number(r.exponentialBase),
            jitter: Number(r.jitter),
            jitterMode: String(r.jitterMode),
            timeoutMs: Number(r.timeoutMs),
          },
  };
}

