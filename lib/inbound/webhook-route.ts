import { DEFAULT_SOURCE_NAME } from "../db/bootstrap";
import { inboundOutcome, metrics } from "../metrics/metrics";
import { receiveWebhook, type InboundDeps } from "./receive-webhook";

/** The HTTP face of receiveWebhook, shared by the default and the named-source routes. */
export async function handleWebhook(deps: InboundDeps, req: Request, sourceName: string = DEFAULT_SOURCE_NAME): Promise<Response> {
  const answer = await receiveWebhook(deps, req, sourceName);
  metrics().inboundReceived(sourceName, inboundOutcome(answer.status));
  return new Response(answer.body, {
    status: answer.status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...answer.headers },
  });
}
