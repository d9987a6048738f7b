import { inboundRuntime } from "@/lib/inbound/runtime";
import { handleWebhook } from "@/lib/inbound/webhook-route";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ source: string }> }): Promise<Response> {
  const { source } = await ctx.params;
  return handleWebhook(inboundRuntime(), req, source);
}
