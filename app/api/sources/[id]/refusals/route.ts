import { json, route } from "@/lib/http/handler";
import { sourceStore } from "@/lib/inbound/runtime";
import { listRefusals } from "@/lib/inbound/refusal-store";
import { getSource } from "@/lib/inbound/sources";

export const dynamic = "force-dynamic";

/** GET /api/sources/{id}/refusals: the requests this source refused most recently, and the last day's count by status. */
export const GET = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const store = await sourceStore();
  await getSource(store, id);
  return json(await listRefusals(store.db, id, Date.now()));
});
