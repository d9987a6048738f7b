import { getReadyDb } from "@/lib/db/ready";
import { route } from "@/lib/http/handler";
import { metrics } from "@/lib/metrics/metrics";
import { renderMetrics } from "@/lib/metrics/render";

export const dynamic = "force-dynamic";

/** Prometheus text format; scrape with an API token or HOOKRELAY_METRICS_TOKEN as the bearer. */
export const GET = route(async () => {
  const { body, contentType } = await renderMetrics(await getReadyDb(), metrics());
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
