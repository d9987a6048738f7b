import { json, route } from "@/lib/http/handler";
import { simulate, simulationInputSchema } from "@/lib/simulator";
import { readInput } from "./read-input";

export const dynamic = "force-dynamic";

/** Runs one policy against a simulated endpoint; `input` echoes the request with defaults filled in. */
export const POST = route(async (req) => {
  const input = await readInput(req, simulationInputSchema);
  return json({ input, result: simulate(input) });
});
