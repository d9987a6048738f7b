import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Hookrelay's Prometheus series. Counters and the latency histogram count what this
 * process did; the queue gauges are read from the database at scrape time, so they are
 * the same on every instance.
 */
export interface Metrics {
  readonly registry: Registry;
  /** One inbound request answered; `outcome` from `inboundOutcome(status)`. */
  inboundReceived(source: string | null, outcome: InboundOutcome): void;
  /** A duplicate answered from the in-memory tier or the database record. */
  inboundDuplicate(source: string, tier: "memory" | "database"): void;
  /** One delivery attempt finished; `outcome` is the classification (success, retry, delay, dead, skip). */
  deliveryAttempt(outcome: string, durationMs: number): void;
  readonly gauges: {
    deliveries: Gauge<"status">;
    queueDepth: Gauge<"state">;
    oldestDueAgeSeconds: Gauge;
    deadLettersPending: Gauge;
  };
}

export type InboundOutcome = "accepted" | "rejected" | "throttled" | "failed" | "unavailable";

/** Buckets an inbound answer's status so the series stays small: 2xx, 429, other 4xx, 503, other 5xx. */
export function inboundOutcome(status: number): InboundOutcome {
  if (status < 400) return "accepted";
  if (status === 429) return "throttled";
  if (status < 500) return "rejected";
  return status === 503 ? "unavailable" : "failed";
}

// Source names come from requests (a 404 for /api/webhook/<anything> names no real source):
// cap distinct label values so a scan cannot blow up the series count.
const MAX_SOURCE_LABELS = 200;

function labelLimiter(max: number): (value: string | null) => string {
  const seen = new Set<string>();
  return (value) => {
    if (value === null) return "unknown";
    if (seen.has(value)) return value;
    if (seen.size >= max) return "other";
    seen.add(value);
    return value;
  };
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const sourceLabel = labelLimiter(MAX_SOURCE_LABELS);

  const received = new Counter({ name: "hookrelay_inbound_received_total", help: "Inbound webhook requests answered, by source and outcome", labelNames: ["source", "outcome"], registers });
  const duplicates = new Counter({ name: "hookrelay_inbound_duplicates_total", help: "Inbound duplicates answered with the stored result, by source and tier", labelNames: ["source", "tier"], registers });
  const attempts = new Counter({ name: "hookrelay_delivery_attempts_total", help: "Delivery attempts, by outcome", labelNames: ["outcome"], registers });
  const latency = new Histogram({
    name: "hookrelay_delivery_attempt_duration_seconds",
    help: "Time from sending a delivery attempt to its classified outcome",
    labelNames: ["outcome"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });

  return {
    registry,
    inboundReceived: (source, outcome) => received.inc({ source: sourceLabel(source), outcome }),
    inboundDuplicate: (source, tier) => duplicates.inc({ source: sourceLabel(source), tier }),
    deliveryAttempt: (outcome, durationMs) => {
      attempts.inc({ outcome });
      latency.observe({ outcome }, Math.max(0, durationMs) / 1000);
    },
    gauges: {
      deliveries: new Gauge({ name: "hookrelay_deliveries", help: "Deliveries in the database, by status", labelNames: ["status"], registers }),
      queueDepth: new Gauge({ name: "hookrelay_delivery_queue_depth", help: "Deliveries not yet finished: due now, scheduled for later, or in flight", labelNames: ["state"], registers }),
      oldestDueAgeSeconds: new Gauge({ name: "hookrelay_delivery_oldest_due_age_seconds", help: "How long the oldest due delivery has waited past its attempt time (0 when none is due)", registers }),
      deadLettersPending: new Gauge({ name: "hookrelay_dead_letters_pending", help: "Dead letters waiting for an operator to reprocess or discard them", registers }),
    },
  };
}

// Next.js bundles each route, the proxy and instrumentation separately; a module-level
// variable could exist once per bundle, so the process-wide instance lives on globalThis.
const GLOBAL_KEY = Symbol.for("hookrelay.metrics");

/** The process-wide metrics that the inbound and delivery code increment and /api/metrics renders. */
export function metrics(): Metrics {
  const holder = globalThis as { [GLOBAL_KEY]?: Metrics };
  holder[GLOBAL_KEY] ??= createMetrics({ defaultMetrics: true });
  return holder[GLOBAL_KEY];
}
