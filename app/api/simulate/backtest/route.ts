import { getReadyDb } from "@/lib/db/ready";
import { json, parseBody, route } from "@/lib/http/handler";
import { simulations } from "@/lib/simulation-threads/simulations";
import { backtestEndpoint } from "@/lib/simulator/backtest-history";
import { backtestRequestSchema } from "@/lib/simulator/backtest-request";
import { BACKTEST_LIMITS } from "@/lib/simulator/schema";

export const dynamic = "force-dynamic";

/** Replays an endpoint's recorded history under a candidate policy; the replay runs on a simulation thread. */
export const POST = route(async (req) => {
  const request = await parseBody(req, backtestRequestSchema);
  return json(await backtestEndpoint(await getReadyDb(), request, BACKTEST_LIMITS, simulations.backtest));
});
