import type { Db, Tx } from "../db/client";
import { addDeliveryDeadLetter } from "../dlq/add-dead-letter";
import type { Outcome } from "../retry/classify";
import type { SendResult } from "./send";

export class LeaseLostError extends Error {
  constructor(deliveryId: string) {
    super(`lease on delivery ${deliveryId} was lost before its attempt was recorded`);
    this.name = "LeaseLostError";
  }
}

export interface AttemptRecord {
  deliveryId: string;
  workerId: string;
  attempt: number;
  startedAt: Date;
  finishedAt: Date;
  /** Null when nothing was sent (the endpoint was disabled): no attempt row is written. */
  send: SendResult | null;
  outcome: Outcome;
  endpoint: { id: string; url: string; failingSince: Date | null };
  message: { eventType: string; payload: string };
  reprocessedLetterId: string | null;
  /** Failing continuously this long disables the endpoint; 0 turns that off. */
  autoDisableAfterMs: number;
}

export type RecordedStatus = "succeeded" | "pending" | "dead" | "failed";

function statusFor(outcome: Outcome): RecordedStatus {
  switch (outcome.type) {
    case "SUCCESS":
      return "succeeded";
    case "RETRY":
    case "DELAY":
      return "pending";
    case "DEAD":
      return "dead";
    case "SKIP":
      return "failed";
  }
}

function describe(outcome: Outcome): string | null {
  return outcome.type === "SUCCESS" ? null : outcome.reason;
}

/**
 * Records one attempt and its consequence in one transaction: the attempt row, the
 * delivery's next state, a dead letter when it gave up, the endpoint's health. The
 * update is fenced on the lease, so a worker that lost its lease records nothing.
 */
export async function recordAttempt(db: Db, r: AttemptRecord): Promise<RecordedStatus> {
  const status = statusFor(r.outcome);
  const delayMs = r.outcome.type === "RETRY" || r.outcome.type === "DELAY" ? r.outcome.delayMs : null;
  const finished = r.finishedAt;
  await db.prisma.$transaction(async (tx) => {
    const fenced = await tx.delivery.updateMany({
      where: { id: r.deliveryId, status: "in_flight", leaseOwner: r.workerId },
      data: {
        status,
        attemptCount: r.attempt,
        nextAttemptAt: delayMs === null ? undefined : new Date(finished.getTime() + delayMs),
        leaseOwner: null,
        leaseExpiresAt: null,
        lastStatusCode: r.send?.statusCode ?? null,
        lastError: describe(r.outcome),
        completedAt: status === "pending" ? null : finished,
      },
    });
    if (fenced.count !== 1) throw new LeaseLostError(r.deliveryId);
    if (r.send) {
      await tx.deliveryAttempt.create({
        data: {
          deliveryId: r.deliveryId,
          number: r.attempt,
          startedAt: r.startedAt,
          durationMs: r.send.durationMs,
          statusCode: r.send.statusCode,
          error: r.send.error,
          responseBody: r.send.responseBody,
          outcome: r.outcome.type,
          delayMs,
        workerId: r.workerId,
        },
      });
    }
    if (r.outcome.type === "DEAD") {
      const letterId = await addDeliveryDeadLetter(tx, {
        deliveryId: r.deliveryId,
        endpointId: r.endpoint.id,
        url: r.endpoint.url,
        eventType: r.message.eventType,
        payload: r.message.payload,
        reason: r.outcome.failureReason,
        errorDetails: r.outcome.reason,
        attempts: r.attempt,
        failedAt: finished,
        reprocessedLetterId: r.reprocessedLetterId,
      });
      await tx.delivery.update({ where: { id: r.deliveryId }, data: { deadLetterId: letterId } });
    }
    if (r.outcome.type === "SUCCESS" && r.reprocessedLetterId) {
      await tx.deadLetter.update({ where: { id: r.reprocessedLetterId }, data: { status: "reprocessed", reprocessedAt: finished, lastDeliveryId: r.deliveryId } });
    }
    await updateEndpointHealth(tx, r, finished);
  });
  return status;
}

async function updateEndpointHealth(tx: Tx, r: AttemptRecord, now: Date): Promise<void> {
  const id = r.endpoint.id;
  if (r.outcome.type === "SUCCESS") {
    if (r.endpoint.failingSince) await tx.endpoint.updateMany({ where: { id }, data: { failingSince: null } });
    return;
  }
  if (!r.send) return;
  if (r.send.statusCode === 410) {
    await tx.endpoint.updateMany({ where: { id, enabled: true }, data: { enabled: false, disabledAt: now, disabledReason: "The endpoint answered 410 Gone" } });
    return;
  }
  if (!r.endpoint.failingSince) {
    await tx.endpoint.updateMany({ where: { id, failingSince: null }, data: { failingSince: now } });
    return;
  }
  if (r.autoDisableAfterMs > 0 && now.getTime() - r.endpoint.failingSince.getTime() >= r.autoDisableAfterMs) {
    await tx.endpoint.updateMany({
      where: { id, enabled: true },
      data: { enabled: false, disabledAt: now, disabledReason: `Disabled automatically: every attempt failed since ${r.endpoint.failingSince.toISOString()}` },
    });
  }
}
