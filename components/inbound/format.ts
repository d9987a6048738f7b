import type { InboundStatus } from "@/lib/inbound/inbound-status";
import { metaFor, type StatusMeta } from "@/components/ui/tone";
import { ruleLabel } from "./presets";

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
 * Where the idempotency key came from: an id the provider gives the event is the strongest,
 * a hash of the content the weakest (two genuinely equal events count as one).
 */
export function keySourceMeta(source: string): StatusMeta {
  if (source === "content_hash") return { label: "content hash", tone: "neutral", description: "No id was sent: a hash of the payload stands in, so identical payloads count as one event" };
  if (source.startsWith("header.")) return { label: ruleLabel(source), tone: "info", description: `The provider's ${source.slice("header.".length)} header, the same on every redelivery` };
  if (source.startsWith("body.")) return { label: ruleLabel(source), tone: "info", description: `The event's own ${source.slice("body.".length)} field` };
  return { label: source, tone: "neutral", description: "" };
}

/** The stored result body for display: JSON indented, text as it is, nothing as null. */
export function resultBodyText(body: unknown): string | null {
  if (body === null || body === undefined) return null;
  if (typeof body === "string") return body;
  return JSON.stringify(body, null, 2);
}
