import { getReadyDb } from "@/lib/db/ready";
import { json, parseQuery, route } from "@/lib/http/handler";
import { listEventsQuerySchema, listInboundEvents } from "@/lib/inbound/list-events";

export const dynamic = "force-dynamic";

/** GET /api/inbound?limit=&cursor=&source=&status=&eventType=: newest first, `nextCursor` null on the last page. */
export const GET = route(async (req: Request) => {
  const query = parseQuery(req, listEventsQuerySchema);
  return json(await listInboundEvents(await getReadyDb(), query));
});
