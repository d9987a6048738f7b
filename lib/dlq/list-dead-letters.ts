import { z } from "zod";
import { keysetPage, pageQueryShape, type Page } from "../db/keyset-page";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { eventsMatching, listSearchSchema, messagesMatching } from "../search/list-filter";
import { filterQueryShape, filterWhere } from "./dead-letter-filter";
import { deadLetterOrder, deadLetterSelect, toDeadLetterView, type DeadLetterView } from "./dead-letter-view";
import { loadLetterHistories, type LetterHistory } from "./letter-history";

export const deadLetterListQuerySchema = z.object({
  ...pageQueryShape,
  ...filterQueryShape,
  q: listSearchSchema,
});

export type DeadLetterListQuery = z.output<typeof deadLetterListQuerySchema>;

export type DeadLetterListItem = DeadLetterView & LetterHistory;

export type DeadLetterPage = Page<DeadLetterListItem>;

/** The letters `q` names: by their own id or their delivery's, else through what they came from. */
async function lettersMatching(db: Db, q: string): Promise<Prisma.DeadLetterWhereInput> {
  const [messageIds, eventIds] = await Promise.all([messagesMatching(db, q), eventsMatching(db, q)]);
  return { OR: [{ id: q }, { deliveryId: q }, { delivery: { messageId: { in: messageIds } } }, { inboundEventId: { in: eventIds } }] };
}

/**
 * Keyset paging on (failedAt desc, id desc). A letter whose reprocess fails again gets
 * a new failedAt and moves to the top, so a walk through the pages may miss or repeat a
 * letter that failed again meanwhile; new letters never shift a page.
 */
export async function listDeadLetters(db: Db, query: DeadLetterListQuery): Promise<DeadLetterPage> {
  const filters = { AND: [filterWhere(query), query.q ? await lettersMatching(db, query.q) : {}] };
  const page = await keysetPage(query, {
    field: "failedAt",
    noun: "a dead letter",
    cursorRow: (id) => db.prisma.deadLetter.findUnique({ where: { id }, select: { id: true, failedAt: true } }),
    rows: (after, take) => db.prisma.deadLetter.findMany({ where: { AND: [filters, after ?? {}] }, orderBy: deadLetterOrder, take, select: deadLetterSelect }),
  });
  const histories = await loadLetterHistories(db, page.data, { responseBodies: false });
  return { ...page, data: page.data.map((row) => ({ ...toDeadLetterView(row), deliveries: [], history: [], ...histories.get(row.id) })) };
}
