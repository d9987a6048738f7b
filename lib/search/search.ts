import { z } from "zod";
import type { SearchHit as WireHit } from "../contract/search";
import type { Db } from "../db/client";
import { searchSqlFor } from "./sql";
import { formatPath, payloadMatchOf, type PayloadMatch } from "./payload-query";

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, "Type something to search for").max(500, "A search has at most 500 characters"),
});

/** A hit as the server builds it; the contract (lib/contract/search.ts) has its wire shape. */
export type SearchHit = Omit<WireHit, "at"> & { at: Date };

export interface SearchResult {
  query: string;
  /** Set when the query is an id or key naming exactly one thing: the dashboard opens it. */
  exact: SearchHit | null;
  data: SearchHit[];
}

const PER_KIND = 20;

/** `order.*`, `order.` or `order*`: every event type under that prefix. */
export function eventTypePrefix(q: string): string | null {
  const m = /^([\w:/-]+(?:\.[\w:/-]+)*\.?)\*?$/.exec(q);
  if (!m || !(q.endsWith("*") || q.endsWith("."))) return null;
  return m[1];
}

const deliveryHit = (matched: string) => (d: { id: string; status: string; createdAt: Date; endpoint: { url: string }; message: { eventType: string } }): SearchHit => ({
  kind: "delivery",
  id: d.id,
  matched,
  title: d.message.eventType,
  subtitle: `${d.status} · ${d.endpoint.url}`,
  at: d.createdAt,
});

const inboundHit = (matched: string) => (e: { id: string; idempotencyKey: string; eventType: string | null; receivedAt: Date; source: { name: string } }): SearchHit => ({
  kind: "inbound_event",
  id: e.id,
  matched,
  title: e.eventType ?? "untyped event",
  subtitle: `${e.idempotencyKey} · source ${e.source.name}`,
  at: e.receivedAt,
});

const deliverySelect = { id: true, status: true, createdAt: true, endpoint: { select: { url: true } }, message: { select: { eventType: true } } } as const;
const inboundSelect = { id: true, idempotencyKey: true, eventType: true, receivedAt: true, source: { select: { name: true } } } as const;

/** Every id a pasted value may be: Hookrelay's own ids, a provider's event id, a webhook-id. */
async function byIdOrKey(db: Db, q: string): Promise<SearchHit[]> {
  const { prisma } = db;
  const [delivery, event, letter, endpoint, keyed, message] = await Promise.all([
    prisma.delivery.findUnique({ where: { id: q }, select: deliverySelect }),
    prisma.inboundEvent.findUnique({ where: { id: q }, select: inboundSelect }),
    prisma.deadLetter.findUnique({ where: { id: q }, select: { id: true, reason: true, eventType: true, failedAt: true, url: true } }),
    prisma.endpoint.findUnique({ where: { id: q }, select: { id: true, url: true, createdAt: true } }),
    prisma.inboundEvent.findMany({ where: { idempotencyKey: q }, select: inboundSelect, orderBy: { receivedAt: "desc" }, take: PER_KIND }),
    // A message id is the webhook-id endpoints receive.
    prisma.message.findUnique({ where: { id: q }, select: { deliveries: { select: deliverySelect, orderBy: { createdAt: "desc" }, take: PER_KIND } } }),
  ]);
  const hits: SearchHit[] = [];
  if (delivery) hits.push(deliveryHit("delivery id")(delivery));
  if (event) hits.push(inboundHit("inbound event id")(event));
  if (letter) hits.push({ kind: "dead_letter", id: letter.id, matched: "dead letter id", title: letter.eventType ?? "dead letter", subtitle: `${letter.reason} · ${letter.url ?? "inbound"}`, at: letter.failedAt });
  if (endpoint) hits.push({ kind: "endpoint", id: endpoint.id, matched: "endpoint id", title: endpoint.url, subtitle: "endpoint", at: endpoint.createdAt });
  hits.push(...keyed.map(inboundHit("event id (idempotency key)")));
  hits.push(...(message?.deliveries ?? []).map(deliveryHit("message id (webhook-id)")));
  return hits;
}

/** The hits for inbound events and for the deliveries of messages, found by id, newest first. */
async function hitsOf(db: Db, eventIds: string[], messageIds: string[], matched: string): Promise<SearchHit[]> {
  const [events, deliveries] = await Promise.all([
    db.prisma.inboundEvent.findMany({ where: { id: { in: eventIds } }, select: inboundSelect, orderBy: { receivedAt: "desc" } }),
    db.prisma.delivery.findMany({ where: { messageId: { in: messageIds } }, select: deliverySelect, orderBy: { createdAt: "desc" }, take: PER_KIND }),
  ]);
  return [...events.map(inboundHit(matched)), ...deliveries.map(deliveryHit(matched))];
}

/** Payloads holding the text (or the JSON member). */
async function byPayload(db: Db, match: PayloadMatch, matched: string): Promise<SearchHit[]> {
  const sql = searchSqlFor(db);
  const [eventIds, messageIds] = await Promise.all([sql.findPayload("InboundEvent", match, PER_KIND), sql.findPayload("Message", match, PER_KIND)]);
  return hitsOf(db, eventIds, messageIds, matched);
}

async function byEventType(db: Db, prefix: string): Promise<SearchHit[]> {
  const sql = searchSqlFor(db);
  const [eventIds, messageIds] = await Promise.all([sql.findTypePrefix("InboundEvent", prefix, PER_KIND), sql.findTypePrefix("Message", prefix, PER_KIND)]);
  return hitsOf(db, eventIds, messageIds, "event type");
}

/**
 * One search box over deliveries, inbound events, dead letters and endpoints: an id or a
 * provider's event id finds its record (and `exact` names it when it is the only one); an
 * event-type prefix (`order.*`) finds what carries that type; `path=value` finds payloads
 * whose JSON member at that path equals the value; anything else is looked for as text
 * inside payloads (whole words and ids, as written).
 */
export async function search(db: Db, q: string): Promise<SearchResult> {
  const prefix = eventTypePrefix(q);
  if (prefix) return { query: q, exact: null, data: await byEventType(db, prefix) };
  const ids = await byIdOrKey(db, q);
  if (ids.length > 0) return { query: q, exact: ids.length === 1 ? ids[0] : null, data: ids };
  const match = payloadMatchOf(q);
  return { query: q, exact: null, data: await byPayload(db, match, match.kind === "path" ? `payload ${formatPath(match.equals.path)}` : "payload") };
}
