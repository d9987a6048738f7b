import { getReadyDb } from "@/lib/db/ready";
import { json, parseQuery, route } from "@/lib/http/handler";
import { getOverview, overviewQuerySchema } from "@/lib/overview/get-overview";

export const dynamic = "force-dynamic";

export const GET = route(async (req: Request) => {
  const query = parseQuery(req, overviewQuerySchema);
  return json(await getOverview(await getReadyDb(), query, Date.now()));
});
