import { inboundRuntime } from "@/lib/inbound/runtime";
import { handleWebhook } from "@/lib/inbound/webhook-route";

export const dynamic = "force-dynamic";

export function POST(req: Request): Promise<Response> {
  return handleWebhook(inboundRuntime(), req);
}
