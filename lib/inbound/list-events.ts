import { z } from "zod";
import { keysetPage, pageQueryShape, type Page } from "../db/keyset-page";
import type { Db, InboundEvent } from "../db/client";
import { notFound } from "../errors/app-error";
import { jsonOrText } from "../http/json";
import { forwardedHeaders, parseSourceHeaders } from "./forwarded-headers";
import { parseHeaderRecord } from "./header-record";
import { PRESET_INFO, providerIdOf } from "./providers/catalog";
import { eventsMatching, listSearchSchema } from "../search/list-filter";
import { INBOUND_STATUSES } from "./inbound-status";
import { sourceNameSchema } from "./source-name";

export const listEventsQuerySchema = z.object({
  ...pageQueryShape,
  source: sourceNameSchema.optional(),
  status: z.enum(INBOUND_STATUSES).optional(),
  eventType: z.string().trim().min(1).max(200).optional(),
  q: listSearchSchema,
});
export type ListEventsQuery = z.output<typeof listEventsQuerySchema>;

export interface InboundEventSummary {
  id: string;
  source: string;
  idempotencyKey: string;
  keySource: string;
  eventType: string | null;
  status: string;
  resultStatus: number | null;
  error: string | null;
  runs: number;
  duplicateCount: number;
  providerAttempt: number | null;
  messageId: string | null;
  receivedAt: Date;
  processedAt: Date | null;
  expiresAt: Date;
}

export type InboundEventPage = Page<InboundEventSummary>;

export interface InboundEventDetail extends InboundEventSummary {
  /** The source's preset, which decided what was verified and which headers were kept. */
  provider: string;
  headers: Record<string, string>;
  /** What endpoints receive about the source with the message: `x-hookrelay-source` and the provider headers. */
  sourceHeaders: Record<string, string>;
  /** The exact text received. */
  payload: string;
  /** What the provider was (or duplicates are) answered; the body parsed when it is JSON. */
  result: { status: number; body: unknown } | null;
  processingUntil: Date | null;
  message: {
    id: string;
    eventType: string;
    createdAt: Date;
    deliveries: { id: string; endpointId: string; url: string; status: string; attemptCount: number }[];
  } | null;
  deadLetters: { id: string; reason: string; status: string; errorDetails: string | null; failedAt: Date }[];
}

function summary(row: InboundEvent & { source: { name: string } }): InboundEventSummary {
  return {
    id: row.id,
    source: row.source.name,
    idempotencyKey: row.idempotencyKey,
    keySource: row.keySource,
    eventType: row.eventType,
    status: row.status,
    resultStatus: row.resultStatus,
    error: row.error,
    runs: row.runs,
    duplicateCount: row.duplicateCount,
    providerAttempt: row.providerAttempt,
    messageId: row.messageId,
    receivedAt: row.receivedAt,
    processedAt: row.processedAt,
    expiresAt: row.expiresAt,
  };
}

/** Inbound events, newest first, a page at a time; the cursor is the last id of the previous page. */
export async function listInboundEvents(db: Db, query: ListEventsQuery): Promise<InboundEventPage> {
  const filters = {
    ...(query.source ? { source: { name: query.source } } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.eventType ? { eventType: query.eventType } : {}),
    ...(query.q ? { id: { in: await eventsMatching(db, query.q) } } : {}),
  };
  const page = await keysetPage(query, {
    field: "receivedAt",
    noun: "an inbound event (it may have expired)",
    cursorRow: (id) => db.prisma.inboundEvent.findUnique({ where: { id }, select: { id: true, receivedAt: true } }),
    rows: (after, take) =>
      db.prisma.inboundEvent.findMany({ where: { AND: [filters, after ?? {}] }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take, include: { source: { select: { name: true } } } }),
  });
  return { ...page, data: page.data.map(summary) };
}

/** One inbound event with what the dashboard shows beside it: the message it became, its deliveries, its dead letters. */
export async function getInboundEvent(db: Db, id: string): Promise<InboundEventDetail> {
  const row = await db.prisma.inboundEvent.findUnique({
    where: { id },
    include: {
      source: { select: { name: true, provider: true } },
      message: {
        select: {
          id: true,
          eventType: true,
          createdAt: true,
          sourceHeaders: true,
          deliveries: {
            orderBy: { createdAt: "asc" },
            select: { id: true, endpointId: true, status: true, attemptCount: true, endpoint: { select: { url: true } } },
          },
        },
      },
      deadLetters: { orderBy: { failedAt: "asc" }, select: { id: true, reason: true, status: true, errorDetails: true, failedAt: true } },
    },
  });
  if (!row) throw notFound("Inbound event");
  const { message } = row;
  const headers = parseHeaderRecord(row.headers);
  const provider = providerIdOf(row.source.provider);
  return {
    ...summary(row),
    provider: provider ?? row.source.provider,
    headers,
    // What was sent is on the message; without one, what would be sent.
    sourceHeaders: message ? parseSourceHeaders(message.sourceHeaders) : forwardedHeaders(row.source.name, provider ? PRESET_INFO[provider] : { providerHeaders: [] }, headers),
    payload: row.payload,
    result: row.resultStatus === null ? null : { status: row.resultStatus, body: row.resultBody === null ? null : jsonOrText(row.resultBody) },
    processingUntil: row.processingUntil,
    message: message && {
      id: message.id,
      eventType: message.eventType,
      createdAt: message.createdAt,
      deliveries: message.deliveries.map((d) => ({ id: d.id, endpointId: d.endpointId, url: d.endpoint.url, status: d.status, attemptCount: d.attemptCount })),
    },
    deadLetters: row.deadLetters,
  };
}
