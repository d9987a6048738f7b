import { actorFrom } from "@/lib/auth/actor";
import { getReadyDb } from "@/lib/db/ready";
import { discardDeadLetters, discardRequestSchema } from "@/lib/dlq/discard-dead-letters";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const POST = route(async (req) => {
  const request = await parseBody(req, discardRequestSchema);
  return json(await discardDeadLetters(await getReadyDb(), request, actorFrom(req)));
});
