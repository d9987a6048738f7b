import { z } from "zod";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { FAILURE_REASONS, type FailureReason } from "../retry/classify";
import { DEAD_LETTER_KINDS, DEAD_LETTER_STATUSES, kindWhere, type DeadLetterKind, type DeadLetterStatus } from "./dead-letter-view";

const DATE_MESSAGE = "Must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z";
const REASON_MESSAGE = `Reason must be one or more of: ${FAILURE_REASONS.join(", ")}`;
const STATUS_MESSAGE = `Status must be one or more of: ${DEAD_LETTER_STATUSES.join(", ")}`;
const KIND_MESSAGE = `Kind must be one of: ${DEAD_LETTER_KINDS.join(", ")}`;

const isoDateTime = z.iso.datetime({ offset: true, error: DATE_MESSAGE }).transform((s) => new Date(s));

const reasonEnum = z.enum(FAILURE_REASONS, { error: REASON_MESSAGE });

/** `a,b` in a query string. */
function commaList<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .string()
    .transform((s) => s.split(",").map((part) => part.trim()))
    .pipe(z.array(z.enum(values, { error: message })).min(1, message));
}

export interface DeadLetterFilter {
  status?: DeadLetterStatus[];
  reason?: FailureReason[];
  endpointId?: string;
  eventType?: string;
  kind?: DeadLetterKind;
  /** Inclusive lower bound on failedAt. */
  since?: Date;
  /** Exclusive upper bound on failedAt. */
  until?: Date;
}

/** The filter fields as query-string parameters (lists comma-separated). */
export const filterQueryShape = {
  status: commaList(DEAD_LETTER_STATUSES, `${STATUS_MESSAGE} (comma-separated)`).optional(),
  reason: commaList(FAILURE_REASONS, `${REASON_MESSAGE} (comma-separated)`).optional(),
  endpointId: z.string().min(1).optional(),
  eventType: z.string().min(1).max(200).optional(),
  kind: z.enum(DEAD_LETTER_KINDS, { error: KIND_MESSAGE }).optional(),
  since: isoDateTime.optional(),
  until: isoDateTime.optional(),
};

/**
 * The filter of a bulk request (JSON). There is no status: only pending letters can be
 * reprocessed or discarded, so bulk actions always select pending letters.
 */
export const bulkFilterSchema = z
  .object({
    reason: z
      .union([reasonEnum, z.array(reasonEnum).min(1, REASON_MESSAGE)])
      .transform((r) => (Array.isArray(r) ? r : [r]))
      .optional(),
    endpointId: z.string().min(1).optional(),
    eventType: z.string().min(1).max(200).optional(),
    kind: z.enum(DEAD_LETTER_KINDS, { error: KIND_MESSAGE }).optional(),
    since: isoDateTime.optional(),
    until: isoDateTime.optional(),
  })
  .strict();

export type BulkFilter = z.output<typeof bulkFilterSchema>;

export function filterWhere(f: DeadLetterFilter): Prisma.DeadLetterWhereInput {
  return {
    AND: [
      {
        status: f.status ? { in: f.status } : undefined,
        reason: f.reason ? { in: f.reason } : undefined,
        endpointId: f.endpointId,
        eventType: f.eventType,
        failedAt: { gte: f.since, lt: f.until },
      },
      f.kind ? kindWhere[f.kind] : {},
    ],
  };
}
