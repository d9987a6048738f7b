import { getReadyDb } from "@/lib/db/ready";
import { deadLetterListQuerySchema, listDeadLetters } from "@/lib/dlq/list-dead-letters";
import { json, parseQuery, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const query = parseQuery(req, deadLetterListQuerySchema);
  return json(await listDeadLetters(await getReadyDb(), query));
});
