import { z } from "zod";
import type { Db } from "../db/client";
import { createMessage } from "./create-message";
import { getMessage, type MessageView } from "./get-message";

export const messageCreateSchema = z.object({
  eventType: z.string({ error: "Event type is required" }).trim().min(1, "Event type is required").max(200, "Event type has at most 200 characters"),
  payload: z.record(z.string(), z.unknown(), { error: "Payload must be a JSON object" }),
});

export type MessageCreateInput = z.output<typeof messageCreateSchema>;

/**
 * Keys from API clients live in their own namespace, apart from the `inbound:` keys the
 * webhook receiver gives the messages it creates, so a client cannot collide with them.
 */
const API_KEY_PREFIX = "api:";

/**
 * Creates a message and its deliveries, or with a key already used for the same body,
 * returns the first message as it is now (`created: false`).
 */
export async function submitMessage(db: Db, input: MessageCreateInput, idempotencyKey: string | null): Promise<{ message: MessageView; created: boolean }> {
  const result = await createMessage(db, {
    eventType: input.eventType,
    payload: JSON.stringify(input.payload),
    idempotencyKey: idempotencyKey === null ? null : API_KEY_PREFIX + idempotencyKey,
  });
  return { message: await getMessage(db, result.messageId), created: result.created };
}
