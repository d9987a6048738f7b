import { getReadyDb } from "@/lib/db/ready";
import { endpointSeries } from "@/lib/delivery/endpoint-series";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Attempts per hour over the last day: count, successes, latency p50 and p95. */
export const GET = route(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await endpointSeries(await getReadyDb(), id));
});
