import { z } from "zod";
import { invalidRequest } from "../errors/app-error";

/** Set on an answer that repeats an earlier one for the same idempotency key (Stripe's name). */
export const REPLAY_HEADER = "Idempotent-Replayed";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

const idempotencyKeySchema = z.string().min(1, "Idempotency-Key cannot be empty").max(255, "Idempotency-Key has at most 255 characters");

/** The Idempotency-Key header, checked; null when the client sent none. One rule for every route that takes it. */
export function idempotencyKeyOf(headers: Headers): string | null {
  const raw = headers.get(IDEMPOTENCY_KEY_HEADER);
  if (raw === null) return null;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) {
    throw invalidRequest(parsed.error.issues.map((i) => ({ path: IDEMPOTENCY_KEY_HEADER, message: i.message })));
  }
  return parsed.data;
}
