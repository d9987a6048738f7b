import { formatCount, formatDuration } from "@/components/charts/format";
import { shortUrl } from "@/components/deliveries/format";
import type { DeadLetterDetail } from "@/lib/contract/dead-letters";
import { FAILURE_REASONS } from "@/lib/retry/classify";
import { metaFor, type StatusMeta, type Tone } from "@/components/ui/tone";

/** How dead letters, their reasons and bulk jobs read on the dashboard. Pure, so the wording and numbers are tested. */

export const REASON_META: Record<string, { label: string; description: string }> = {
  max_retries: { label: "Retries exhausted", description: "Every attempt the retry policy allows failed with something worth retrying: 429 Too Many Requests, a 5xx, a timeout or a refused connection." },
  invalid_endpoint: { label: "Invalid endpoint", description: "The address was refused (private or malformed) or the endpoint answered 410 Gone." },
  payload_error: { label: "Payload rejected", description: "The receiver refused this payload (400, 413, 422…) or a handler skipped the event." },
  unrecoverable: { label: "Unrecoverable", description: "A handler reported that the event can never be processed." },
};

export function reasonMeta(reason: string): { label: string; description: string } {
  return Object.hasOwn(REASON_META, reason) ? REASON_META[reason] : { label: reason.replaceAll("_", " "), description: "" };
}

export const LETTER_STATUS_META: Record<string, StatusMeta> = {
  pending: { label: "Pending", tone: "warning", description: "Waiting for an operator: reprocess or discard it" },
  reprocessing: { label: "Reprocessing", tone: "info", description: "Being sent again; its delivery decides how it ends" },
  reprocessed: { label: "Reprocessed", tone: "success", description: "Sent again successfully" },
  discarded: { label: "Discarded", tone: "neutral", description: "Closed without sending; kept for the record" },
};

export function letterStatusMeta(status: string): StatusMeta {
  return metaFor(LETTER_STATUS_META, status);
}

export interface ReasonCount {
  reason: string;
  total: number;
  pending: number;
}

export interface ReasonBar extends ReasonCount {
  label: string;
  /** Letters of this reason no longer pending: reprocessing, reprocessed or discarded. */
  settled: number;
}

/**
 * One row per reason for the chart: the known reasons first in their fixed order (zeros
 * kept, so bars do not move as counts change), then any reason the API knows and this
 * page does not, by size.
 */
export function reasonBars(byReason: readonly ReasonCount[]): ReasonBar[] {
  const known = new Map(byReason.map((r) => [r.reason, r]));
  const ordered: ReasonCount[] = FAILURE_REASONS.map((reason) => known.get(reason) ?? { reason, total: 0, pending: 0 });
  const extra = byReason.filter((r) => !(FAILURE_REASONS as readonly string[]).includes(r.reason)).sort((a, b) => b.total - a.total);
  return [...ordered, ...extra].map((r) => ({ ...r, label: reasonMeta(r.reason).label, settled: r.total - r.pending }));
}

/** What the chart shows, in words, for screen readers. */
export function reasonChartSummary(bars: readonly ReasonBar[]): string {
  const total = bars.reduce((sum, b) => sum + b.total, 0);
  if (total === 0) return "No dead letters.";
  const parts = bars.filter((b) => b.total > 0).map((b) => `${b.label}: ${formatCount(b.total)} in total, ${formatCount(b.pending)} pending`);
  return `Dead letters by failure reason. ${parts.join("; ")}.`;
}

/** A bulk job as the API reports it; only the fields progress needs. */
export interface JobCounts {
  status: string;
  total: number;
  processed: number;
  inFlight: number;
  succeeded: number;
  failed: number;
  ratePerSecond: number | null;
  finishedAt: string | null;
}

export interface JobProgress {
  /** Settled letters (succeeded or failed) out of the total, 0 to 100, rounded down so 100 means all of them. */
  percent: number;
  /** Widths of the bar's segments, in percent of the total. */
  segments: { succeeded: number; failed: number; inFlight: number };
  /** The runner still works on it (or has not picked it up yet). */
  active: boolean;
  /** Still taking letters, so cancelling makes sense. */
  cancellable: boolean;
  label: string;
  tone: Tone;
  /** Time left at the job's rate for the letters not yet taken; null when nothing is left to take. */
  remainingMs: number | null;
}

const pct = (part: number, total: number) => (total > 0 ? (part / total) * 100 : 0);

export function jobProgress(job: JobCounts): JobProgress {
  const settled = job.succeeded + job.failed;
  const finished = job.finishedAt !== null || job.status === "completed" || job.status === "failed";
  const queued = Math.max(0, job.total - job.processed);
  const status =
    job.status === "queued" ? { label: "Queued", tone: "neutral" as const }
    : job.status === "running" ? { label: "Running", tone: "info" as const }
    : job.status === "cancelled" ? (finished ? { label: "Cancelled", tone: "warning" as const } : { label: "Cancelling…", tone: "warning" as const })
    : job.status === "completed" ? { label: job.failed > 0 ? "Done, with failures" : "Done", tone: job.failed > 0 ? ("warning" as const) : ("success" as const) }
    : job.status === "failed" ? { label: "Failed", tone: "danger" as const }
    : { label: job.status, tone: "neutral" as const };
  return {
    percent: job.total > 0 ? Math.floor(pct(settled, job.total)) : finished ? 100 : 0,
    segments: { succeeded: pct(job.succeeded, job.total), failed: pct(job.failed, job.total), inFlight: pct(job.inFlight, job.total) },
    active: !finished,
    cancellable: !finished && (job.status === "queued" || job.status === "running"),
    label: status.label,
    tone: status.tone,
    remainingMs: !finished && queued > 0 && job.ratePerSecond ? (queued / job.ratePerSecond) * 1000 : null,
  };
}

export const MIN_RATE = 0.1;
export const MAX_RATE = 1000;
export const DEFAULT_RATE = 10;

/** The rate field's value as letters per second, or the message to show under it. */
export function parseRate(input: string): { ok: true; rate: number } | { ok: false; message: string } {
  const trimmed = input.trim();
  const rate = trimmed === "" ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(rate) || rate < MIN_RATE || rate > MAX_RATE) {
    return { ok: false, message: `Enter a number of letters per second from ${MIN_RATE} to ${formatCount(MAX_RATE)}` };
  }
  return { ok: true, rate };
}

/** "about 12 s", "about 1.5 min": how long a job of `count` letters takes at `rate` per second. */
export function estimateText(count: number, rate: number): string {
  if (count === 0) return "nothing to send";
  const ms = (count / rate) * 1000;
  return ms < 1000 ? "under a second" : `about ${formatDuration(ms)}`;
}

// A letter's history as the API answers it (lib/contract).
export type LinkedDelivery = DeadLetterDetail["deliveries"][number];
export type HistoryAttempt = DeadLetterDetail["history"][number];

export interface HistoryGroup {
  delivery: LinkedDelivery;
  /** "Original delivery", "Reprocess 1", "Reprocess 2"… */
  title: string;
  attempts: (HistoryAttempt & { responseBody: string | null })[];
}

/** A letter's attempts grouped by the delivery that made them, oldest delivery first. */
export function historyGroups(deliveries: readonly LinkedDelivery[], history: readonly HistoryAttempt[]): HistoryGroup[] {
  const sorted = [...deliveries].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
  let reprocess = 0;
  return sorted.map((delivery) => ({
    delivery,
    title: delivery.role === "original" ? "Original delivery" : `Reprocess ${++reprocess}`,
    attempts: history
      .filter((a) => a.deliveryId === delivery.id)
      .sort((a, b) => a.number - b.number)
      .map((a) => ({ ...a, responseBody: a.responseBody ?? null })),
  }));
}

/** The ids in `selected` that are still among `selectable`: a letter that left the page or stopped being pending drops out. */
export function pruneSelection(selected: Readonly<Record<string, boolean>>, selectable: readonly string[]): Record<string, true> {
  const keep = new Set(selectable);
  const next: Record<string, true> = {};
  for (const [id, on] of Object.entries(selected)) if (on && keep.has(id)) next[id] = true;
  return next;
}

/** A bulk action's filter in words: "every pending letter failed with “Retries exhausted”, to host/path, of type order.created". */
export function describeFilterScope(filter: { reason?: readonly string[]; endpointId?: string; eventType?: string }, endpointUrl: string | null): string {
  const parts = ["every pending letter"];
  if (filter.reason?.length) parts.push(`failed with ${filter.reason.map((r) => `“${reasonMeta(r).label}”`).join(" or ")}`);
  if (filter.endpointId) parts.push(`to ${endpointUrl ? shortUrl(endpointUrl) : "the chosen endpoint"}`);
  if (filter.eventType) parts.push(`of type ${filter.eventType}`);
  return parts.join(", ");
}
