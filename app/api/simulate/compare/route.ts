import { json, route } from "@/lib/http/handler";
import { compare, compareInputSchema } from "@/lib/simulator";
import { readInput } from "../read-input";

export const dynamic = "force-dynamic";

/** Runs several policies on the same seed and the same failures; results share time axes. */
export const POST = route(async (req) => {
  const input = await readInput(req, compareInputSchema);
  return json({ input, results: compare(input) });
});
