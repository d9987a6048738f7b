import { getReadyDb } from "@/lib/db/ready";
import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { rotateEndpointSecret } from "@/lib/delivery/rotate-endpoint-secret";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const db = await getReadyDb();
  const rotated = await rotateEndpointSecret(db, id);
  await recordAudit(db, { actor: actorFrom(req), action: "endpoint.rotate_secret", targetType: "endpoint", targetId: id });
  return json(rotated);
});
