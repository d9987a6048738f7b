import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { notFound } from "../errors/app-error";
import { retryPolicySchema, type RetryPolicy } from "../retry/policy";
import { deliveryRowSelect } from "./delivery-view";
import { policyInEffect, type PolicyInEffect } from "./policies";

const detailSelect = {
  ...deliveryRowSelect,
  replayOfId: true,
  policy: true,
  endpoint: { select: { id: true, url: true, enabled: true, policyId: true } },
  message: { select: { id: true, eventType: true, payload: true, createdAt: true } },
  attempts: {
    orderBy: { number: "asc" },
    select: {
      number: true,
      startedAt: true,
      durationMs: true,
      statusCode: true,
      error: true,
      responseBody: true,
      outcome: true,
      delayMs: true,
      requestHeaders: true,
      responseHeaders: true,
    },
  },
  replays: { select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  deadLetters: { select: { id: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 },
} satisfies Prisma.DeliverySelect;

type DeliveryDetailRow = Prisma.DeliveryGetPayload<{ select: typeof detailSelect }>;

/** The message payload in it is the exact text sent, not re-serialized JSON. */
type AttemptRow = DeliveryDetailRow["attempts"][number];
export type AttemptView = Omit<AttemptRow, "requestHeaders" | "responseHeaders"> & {
  /** What was sent and answered, credentials masked; null for attempts recorded before headers were kept. */
  requestHeaders: Record<string, string> | null;
  responseHeaders: Record<string, string> | null;
};

export type DeliveryDetail = Omit<DeliveryDetailRow, "replays" | "deadLetters" | "policy" | "attempts"> & {
  attempts: AttemptView[];
  /** The endpoint's policy today. */
  policy: PolicyInEffect;
  /** The policy its last attempt ran under; null before the first attempt. */
  ranUnder: RetryPolicy | null;
  /** When the next attempt is due; null unless the delivery is waiting for one. */
  nextRetryAt: Date | null;
  replayIds: string[];
  deadLetterId: string | null;
};

function headerRecord(stored: string | null): Record<string, string> | null {
  if (!stored) return null;
  try {
    const parsed: unknown = JSON.parse(stored);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string>) : null;
  } catch {
    return null;
  }
}

function policySnapshot(stored: string | null): RetryPolicy | null {
  if (!stored) return null;
  try {
    const parsed = retryPolicySchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One delivery with its attempt timeline and the retry policy that governs it. */
export async function getDelivery(db: Db, id: string): Promise<DeliveryDetail> {
  const row = await db.prisma.delivery.findUnique({ where: { id }, select: detailSelect });
  if (!row) throw notFound("Delivery");
  const { replays, deadLetters, policy, attempts, ...rest } = row;
  return {
    ...rest,
    attempts: attempts.map((a) => ({ ...a, requestHeaders: headerRecord(a.requestHeaders), responseHeaders: headerRecord(a.responseHeaders) })),
    policy: await policyInEffect(db, row.endpoint.policyId),
    ranUnder: policySnapshot(policy),
    nextRetryAt: row.status === "pending" ? row.nextAttemptAt : null,
    replayIds: replays.map((r) => r.id),
    deadLetterId: deadLetters[0]?.id ?? null,
  };
}
