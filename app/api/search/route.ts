import { getReadyDb } from "@/lib/db/ready";
import { json, parseQuery, route } from "@/lib/http/handler";
import { search, searchQuerySchema } from "@/lib/search/search";

export const dynamic = "force-dynamic";

export const GET = route(async (req: Request) => {
  const { q } = parseQuery(req, searchQuerySchema);
  return json(await search(await getReadyDb(), q));
});
