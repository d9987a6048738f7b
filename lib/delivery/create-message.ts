import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { AppError } from "../errors/app-error";
import { canonicalJson } from "../inbound/canonical-json";
import { matchesEventType, parseEventTypeFilter } from "./event-filter";
import { notifyNewDeliveries } from "./wakeup";

export interface CreateMessageInput {
  eventType: string;
  /** The exact JSON text to deliver. */
  payload: string;
  idempotencyKey?: string | null;
  /** Headers of the inbound event it came from, sent with every delivery (see lib/inbound/forwarded-headers.ts). */
  sourceHeaders?: Record<string, string>;
}

export interface CreatedMessage {
  messageId: string;
  deliveryIds: string[];
  /** False when the idempotency key matched an earlier message and that one is returned. */
  created: boolean;
}

/** Key order and whitespace do not make a different request: the payload is hashed in canonical form. */
export function requestHash(eventType: string, payload: string): string {
  let canonical = payload;
  try {
    JSON.parse(payload);
    canonical = canonicalJson(payload);
  } catch {
    // Not JSON: the exact text is the request.
  }
  return createHash("sha256").update(eventType).update("\0").update(canonical).digest("hex");
}

async function existingMessage(db: Db, key: string, hash: string): Promise<CreatedMessage> {
  const found = await db.prisma.message.findUnique({ where: { idempotencyKey: key }, include: { deliveries: { select: { id: true } } } });
  if (!found) throw new AppError("conflict", "A message with this idempotency key is being created; retry shortly", { retryAfterSeconds: 1 });
  if (found.requestHash !== hash) {
    throw new AppError("idempotency_mismatch", "This idempotency key was already used with a different request body");
  }
  return { messageId: found.id, deliveryIds: found.deliveries.map((d) => d.id), created: false };
}

/**
 * Stores a message and one delivery per endpoint whose filter matches, in one transaction:
 * a message is never stored without its deliveries. A disabled endpoint's delivery is held
 * (not attempted) until an operator sends or discards it, so nothing is lost behind it.
 */
export async function createMessage(db: Db, input: CreateMessageInput): Promise<CreatedMessage> {
  const hash = requestHash(input.eventType, input.payload);
  const key = input.idempotencyKey ?? null;
  // No look-up first: a new key is the common case, and the unique index answers for a repeat.
  try {
    const result = await db.prisma.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: { eventType: input.eventType, payload: input.payload, idempotencyKey: key, requestHash: hash, sourceHeaders: input.sourceHeaders ? JSON.stringify(input.sourceHeaders) : null },
      });
      const endpoints = await tx.endpoint.findMany({ select: { id: true, eventTypes: true, enabled: true } });
      const targets = endpoints.filter((e) => matchesEventType(parseEventTypeFilter(e.eventTypes), input.eventType));
      const now = new Date();
      const deliveryIds: string[] = [];
      for (const endpoint of targets) {
        const d = await tx.delivery.create({
          data: { messageId: message.id, endpointId: endpoint.id, nextAttemptAt: now, status: endpoint.enabled ? "pending" : "held" },
          select: { id: true },
        });
        deliveryIds.push(d.id);
      }
      return { messageId: message.id, deliveryIds, created: true };
    });
    if (result.deliveryIds.length) notifyNewDeliveries();
    return result;
  } catch (err) {
    // Two requests with one key at the same moment: the loser answers like a repeat.
    if (key && isUniqueViolation(err)) return existingMessage(db, key, hash);
    throw err;
  }
}
