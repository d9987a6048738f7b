import { getReadyDb } from "@/lib/db/ready";
import { getBulkJob } from "@/lib/dlq/get-bulk-job";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ job: string }> };

export const GET = route(async (_req: Request, ctx: Ctx) => {
  const { job } = await ctx.params;
  return json(await getBulkJob(await getReadyDb(), job));
});
