import { actorFrom } from "@/lib/auth/actor";
import { getReadyDb } from "@/lib/db/ready";
import { cancelBulkJob } from "@/lib/dlq/cancel-bulk-job";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ job: string }> };

export const POST = route(async (req: Request, ctx: Ctx) => {
  const { job: id } = await ctx.params;
  return json(await cancelBulkJob(await getReadyDb(), id, actorFrom(req)));
});
