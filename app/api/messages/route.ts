import { getReadyDb } from "@/lib/db/ready";
import { messageCreateSchema, submitMessage } from "@/lib/delivery/submit-message";
import { idempotencyKeyOf } from "@/lib/http/headers";
import { json, parseBody, route } from "@/lib/http/handler";
import { REPLAY_HEADER } from "@/lib/http/headers";

export const dynamic = "force-dynamic";

/** 201 with the new message and its deliveries; a repeat of an Idempotency-Key gets the first message, 200. */
export const POST = route(async (req) => {
  const key = idempotencyKeyOf(req.headers);
  const input = await parseBody(req, messageCreateSchema);
  const { message, created } = await submitMessage(await getReadyDb(), input, key);
  return created ? json(message, { status: 201 }) : json(message, { status: 200, headers: { [REPLAY_HEADER]: "true" } });
});
