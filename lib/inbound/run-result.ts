import type { FailureReason } from "../retry/classify";
import { AppError } from "../errors/app-error";
import type { DerivedKey } from "./idempotency-key";
import type { RunResult } from "./idempotency-store";
import type { ProcessOutcome } from "./process-event";

export interface RunIdentity {
  id: string;
  key: DerivedKey;
}

/** Skipped and unrecoverable events are answered 200 (a retry cannot help) and kept as dead letters. */
export function deadLetterFor(outcome: ProcessOutcome): { reason: FailureReason; details: string } | undefined {
  if (outcome.kind === "skipped") return { reason: "payload_error", details: outcome.reason };
  if (outcome.kind === "unrecoverable") return { reason: "unrecoverable", details: outcome.reason };
  return undefined;
}

/** Seconds a processor's rate-limit signal asks for, as a Retry-After header can carry it. */
export function retryAfterOf(outcome: ProcessOutcome): number | undefined {
  return outcome.kind === "rate_limited" ? Math.max(1, Math.ceil(outcome.retryAfterSeconds)) : undefined;
}

/**
 * What a finished run answers; final answers (processed, skipped) are stored and replayed
 * to duplicates, the others only describe this attempt.
 */
export function toRunResult(outcome: ProcessOutcome, who: RunIdentity, deadLetterId?: string): RunResult {
  const base = { id: who.id, idempotencyKey: who.key.key, keySource: who.key.source };
  const failure = (err: AppError) => JSON.stringify(err.toBody());
  switch (outcome.kind) {
    case "processed":
      return {
        status: "processed",
        resultStatus: 200,
        resultBody: JSON.stringify({ ...base, status: "processed", messageId: outcome.messageId, deliveries: outcome.deliveries }),
        messageId: outcome.messageId,
      };
    case "skipped":
    case "unrecoverable":
      return {
        status: "skipped",
        resultStatus: 200,
        resultBody: JSON.stringify({ ...base, status: "skipped", reason: outcome.reason, deadLetterId, deadLetterReason: deadLetterFor(outcome)?.reason }),
        error: outcome.reason,
      };
    case "rate_limited":
      return {
        status: "failed",
        resultStatus: 429,
        resultBody: failure(new AppError("rate_limited", `The processor is rate limited: ${outcome.reason}`, { details: { id: who.id } })),
        error: outcome.reason,
      };
    case "retry":
    case "timeout":
      return {
        status: "failed",
        resultStatus: 500,
        resultBody: failure(new AppError("processing_failed", `Processing failed, retry later: ${outcome.reason}`, { details: { id: who.id } })),
        error: outcome.reason,
      };
  }
}
