import { format } from "date-fns";
import type { Overview, OverviewQuery, OverviewSeriesPoint } from "@/lib/overview/get-overview";

export const OVERVIEW_WINDOWS = ["1h", "24h", "7d"] as const satisfies readonly OverviewQuery["window"][];
export type OverviewWindow = (typeof OVERVIEW_WINDOWS)[number];
export const DEFAULT_WINDOW: OverviewWindow = "24h";

export const WINDOW_LABELS: Record<OverviewWindow, { button: string; span: string }> = {
  "1h": { button: "1 hour", span: "last hour" },
  "24h": { button: "24 hours", span: "last 24 hours" },
  "7d": { button: "7 days", span: "last 7 days" },
};

export function windowFromSearch(params: URLSearchParams): OverviewWindow {
  const value = params.get("window");
  return (OVERVIEW_WINDOWS as readonly string[]).includes(value ?? "") ? (value as OverviewWindow) : DEFAULT_WINDOW;
}

/** The default window keeps the bare "/" URL; the others are spelled out so they can be shared. */
export function windowHref(window: OverviewWindow): string {
  return window === DEFAULT_WINDOW ? "/" : `/?window=${window}`;
}

export interface SeriesTotals {
  succeeded: number;
  retried: number;
  dead: number;
  attempts: number;
}

export function seriesTotals(series: readonly OverviewSeriesPoint[]): SeriesTotals {
  const t = series.reduce((sum, p) => ({ succeeded: sum.succeeded + p.succeeded, retried: sum.retried + p.retried, dead: sum.dead + p.dead }), {
    succeeded: 0,
    retried: 0,
    dead: 0,
  });
  return { ...t, attempts: t.succeeded + t.retried + t.dead };
}

/**
 * Nothing has happened in the window and nothing is waiting: the page then leads with
 * how to send a first event rather than a wall of zeros.
 */
export function isQuiet(o: Pick<Overview, "received" | "delivered" | "failedAttempts" | "deadLettersPending" | "pendingDeliveries" | "endpoints" | "series">): boolean {
  return (
    o.received === 0 &&
    o.delivered === 0 &&
    o.failedAttempts === 0 &&
    o.deadLettersPending === 0 &&
    o.pendingDeliveries === 0 &&
    o.endpoints.length === 0 &&
    seriesTotals(o.series).attempts === 0
  );
}

const TICK_STEP_MS: Record<OverviewWindow, number> = {
  "1h": 10 * 60_000,
  "24h": 3 * 3_600_000,
  "7d": 86_400_000,
};

/**
 * Round ticks on the local clock (every 10 min, 3 h, or at midnight) between start and
 * end, so the axis reads "14:00, 17:00" rather than the bucket edges.
 */
export function timeTicks(startMs: number, endMs: number, window: OverviewWindow): number[] {
  const step = TICK_STEP_MS[window];
  const offsetMs = new Date(startMs).getTimezoneOffset() * 60_000;
  const ticks: number[] = [];
  for (let local = Math.ceil((startMs - offsetMs) / step) * step; local + offsetMs <= endMs; local += step) ticks.push(local + offsetMs);
  return ticks;
}

export function formatTick(t: number, window: OverviewWindow): string {
  return format(t, window === "7d" ? "EEE d" : "HH:mm");
}

/** The span one bar covers, for the tooltip: "14:05 – 14:06", or with the day for the week view. */
export function formatBucket(t: number, bucketMs: number, window: OverviewWindow): string {
  const start = format(t, window === "1h" ? "HH:mm:ss" : window === "24h" ? "HH:mm" : "EEE d MMM, HH:mm");
  const end = format(t + bucketMs, window === "1h" ? "HH:mm:ss" : "HH:mm");
  return `${start} – ${end}`;
}


/** A first event to paste into a terminal, aimed at the server the dashboard is served from. */
export function firstEventCurl(origin: string): string {
  return [
    `curl -X POST ${origin}/api/webhook \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"id": "evt_001", "type": "order.created", "data": {"orderId": "ord_42"}}'`,
  ].join("\n");
}
