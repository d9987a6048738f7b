import { DEFAULT_SOURCE_NAME } from "../db/bootstrap";
import { errorResponse, toAppError } from "../http/handler";
import { receiveWebhook, type InboundDeps } from "./receive-webhook";

/** The HTTP face of receiveWebhook, shared by the default and the named-source routes. */
export async function handleWebhook(deps: InboundDeps, req: Request, sourceName: string = DEFAULT_SOURCE_NAME): Promise<Response> {
  try {
    const a = await receiveWebhook(deps, req, sourceName);
    return new Response(a.body, { status: a.status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...a.headers } });
  } catch (err) {
    return errorResponse(toAppError(err));
  }
}
