import type { KeySource } from "@/lib/inbound/idempotency-key";
import type { InboundStatus } from "@/lib/inbound/idempotency-store";
import { metaFor, type StatusMeta } from "@/components/ui/tone";

/** How inbound events read on the dashboard. Pure, so the wording is tested. */

export const INBOUND_STATUS_META: Record<InboundStatus, StatusMeta> = {
  processing: { label: "Processing", tone: "info", description: "Being processed now; duplicates are told to come back shortly" },
  processed: { label: "Processed", tone: "success", description: "Accepted and routed; duplicates get the stored answer" },
  failed: { label: "Failed", tone: "danger", description: "Processing failed; the provider was asked to retry" },
  skipped: { label: "Skipped", tone: "neutral", description: "Accepted but not processed; kept as a dead letter" },
};

export function inboundStatusMeta(status: string): StatusMeta {
  return metaFor(INBOUND_STATUS_META, status);
}

/**
 * Where the idempotency key came from: the provider's own event id is the strongest,
 * a hash of the content the weakest (two genuinely equal events count as one).
 */
export const KEY_SOURCE_META: Record<KeySource, StatusMeta> = {
  "body.id": { label: "body id", tone: "info", description: "The event's own id field" },
  "body.event_id": { label: "body event_id", tone: "info", description: "The event's event_id field" },
  "header.webhook-id": { label: "webhook-id", tone: "info", description: "The Standard Webhooks webhook-id header" },
  "header.x-event-id": { label: "x-event-id", tone: "info", description: "The X-Event-Id header" },
  "header.idempotency-key": { label: "idempotency-key", tone: "info", description: "The Idempotency-Key header" },
  "header.x-request-id": { label: "x-request-id", tone: "warning", description: "The X-Request-Id header: a retry may carry a new one, so it may not catch duplicates" },
  content_hash: { label: "content hash", tone: "neutral", description: "No id was sent: a hash of the payload stands in, so identical payloads count as one event" },
};

export function keySourceMeta(source: string): StatusMeta {
  return metaFor(KEY_SOURCE_META, source);
}

/** The stored result body for display: JSON indented, text as it is, nothing as null. */
export function resultBodyText(body: unknown): string | null {
  if (body === null || body === undefined) return null;
  if (typeof body === "string") return body;
  return JSON.stringify(body, null, 2);
}

/** Headers sorted by name, so a long list is scannable. */
export function sortedHeaders(headers: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
}
