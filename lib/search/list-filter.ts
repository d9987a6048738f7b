import type { Db } from "../db/client";
import { payloadMatchOf } from "./payload-query";
import { eventTypePrefix, searchQuerySchema } from "./search";
import { searchSqlFor, type SearchTable } from "./sql";

/** `q` on a list: what the search box takes, narrowing the list to what it finds. */
export const listSearchSchema = searchQuerySchema.shape.q.optional().describe(
  "What the search box takes: an id, a provider's event id, an event-type prefix (order.*), a payload member=value or words in payloads",
);

/**
 * A list narrowed by payload words or an event type holds the newest this many matches (each
 * page of it is still read in the list's own order); an id names its few records exactly.
 */
export const MAX_LIST_MATCHES = 500;

async function matching(db: Db, table: SearchTable, q: string, byId: () => Promise<string[]>): Promise<string[]> {
  const sql = searchSqlFor(db);
  const prefix = eventTypePrefix(q);
  if (prefix) return sql.findTypePrefix(table, prefix, MAX_LIST_MATCHES);
  const ids = await byId();
  if (ids.length > 0) return ids;
  return sql.findPayload(table, payloadMatchOf(q), MAX_LIST_MATCHES);
}

/** The messages `q` names: its own id, a delivery's, an inbound event's or a provider's event id. */
export function messagesMatching(db: Db, q: string): Promise<string[]> {
  return matching(db, "Message", q, async () => {
    const [message, delivery, events] = await Promise.all([
      db.prisma.message.findUnique({ where: { id: q }, select: { id: true } }),
      db.prisma.delivery.findUnique({ where: { id: q }, select: { messageId: true } }),
      db.prisma.inboundEvent.findMany({ where: { OR: [{ id: q }, { idempotencyKey: q }], messageId: { not: null } }, select: { messageId: true }, take: MAX_LIST_MATCHES }),
    ]);
    return [message?.id, delivery?.messageId, ...events.map((e) => e.messageId)].filter((id): id is string => !!id);
  });
}

/** The inbound events `q` names: its own id, a provider's event id, or its message's id. */
export function eventsMatching(db: Db, q: string): Promise<string[]> {
  return matching(db, "InboundEvent", q, async () => {
    const events = await db.prisma.inboundEvent.findMany({ where: { OR: [{ id: q }, { idempotencyKey: q }, { messageId: q }] }, select: { id: true }, take: MAX_LIST_MATCHES });
    return events.map((e) => e.id);
  });
}

