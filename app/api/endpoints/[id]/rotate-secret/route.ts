import { getReadyDb } from "@/lib/db/ready";
import { actorFrom } from "@/lib/auth/actor";
import { rotateEndpointSecret } from "@/lib/delivery/rotate-endpoint-secret";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return json(await rotateEndpointSecret(await getReadyDb(), id, actorFrom(req)));
});
