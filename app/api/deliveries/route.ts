import { getReadyDb } from "@/lib/db/ready";
import { deliveryListQuerySchema, listDeliveries } from "@/lib/delivery/list-deliveries";
import { json, parseQuery, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const query = parseQuery(req, deliveryListQuerySchema);
  return json(await listDeliveries(await getReadyDb(), query));
});
