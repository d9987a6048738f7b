import { getReadyDb } from "@/lib/db/ready";
import { json, route } from "@/lib/http/handler";
import { backtestEndpoint } from "@/lib/simulator/backtest-history";
import { backtestRequestSchema } from "@/lib/simulator/backtest-request";
import { readInput } from "../read-input";

export const dynamic = "force-dynamic";

/** Replays an endpoint's recorded history under a candidate policy. */
export const POST = route(async (req) => {
  const request = await readInput(req, backtestRequestSchema);
  return json(await backtestEndpoint(await getReadyDb(), request));
});
