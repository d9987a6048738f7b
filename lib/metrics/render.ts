import type { Db } from "../db/client";
import type { Metrics } from "./metrics";
import { readQueueStats } from "./queue-stats";

/** Refreshes the database gauges, then renders every series in the Prometheus text format. */
export async function renderMetrics(db: Db, m: Metrics, now = new Date()): Promise<{ body: string; contentType: string }> {
  const stats = await readQueueStats(db, now);
  for (const [status, count] of Object.entries(stats.deliveriesByStatus)) m.gauges.deliveries.set({ status }, count);
  m.gauges.queueDepth.set({ state: "due" }, stats.due);
  m.gauges.queueDepth.set({ state: "scheduled" }, stats.scheduled);
  m.gauges.queueDepth.set({ state: "in_flight" }, stats.inFlight);
  m.gauges.oldestDueAgeSeconds.set(stats.oldestDueAgeSeconds);
  m.gauges.deadLettersPending.set(stats.deadLettersPending);
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
