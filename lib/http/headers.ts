/** Set on an answer that repeats an earlier one for the same idempotency key (Stripe's name). */
export const REPLAY_HEADER = "Idempotent-Replayed";
