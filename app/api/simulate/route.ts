import { json, parseBody, route } from "@/lib/http/handler";
import { simulations } from "@/lib/simulation-threads/simulations";
import { simulationInputSchema } from "@/lib/simulator";

export const dynamic = "force-dynamic";

/** Runs one policy against a simulated endpoint on a simulation thread; `input` echoes the request with defaults filled in. */
export const POST = route(async (req) => {
  const input = await parseBody(req, simulationInputSchema);
  return json({ input, result: await simulations.simulate(input) });
});
