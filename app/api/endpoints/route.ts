import { getReadyDb } from "@/lib/db/ready";
import { actorFrom } from "@/lib/auth/actor";
import { createEndpoint } from "@/lib/delivery/create-endpoint";
import { destinationPolicy } from "@/lib/delivery/endpoint-checks";
import { endpointCreateSchema } from "@/lib/delivery/endpoint-schema";
import { listEndpoints } from "@/lib/delivery/list-endpoints";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(async () => json(await listEndpoints(await getReadyDb())));

export const POST = route(async (req) => {
  const input = await parseBody(req, endpointCreateSchema);
  const db = await getReadyDb();
  return json(await createEndpoint(db, input, destinationPolicy(), actorFrom(req)), { status: 201 });
});
