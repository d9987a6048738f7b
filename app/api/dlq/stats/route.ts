import { getReadyDb } from "@/lib/db/ready";
import { dlqStatsQuerySchema, getDlqStats } from "@/lib/dlq/get-dlq-stats";
import { json, parseQuery, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const query = parseQuery(req, dlqStatsQuerySchema);
  return json(await getDlqStats(await getReadyDb(), query));
});
