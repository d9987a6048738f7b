import { json, parseBody, route } from "@/lib/http/handler";
import { simulations } from "@/lib/simulation-threads/simulations";
import { compareInputSchema } from "@/lib/simulator";

export const dynamic = "force-dynamic";

/** Runs several policies on the same seed and the same failures, on a simulation thread; results share time axes. */
export const POST = route(async (req) => {
  const input = await parseBody(req, compareInputSchema);
  return json({ input, results: await simulations.compare(input) });
});
