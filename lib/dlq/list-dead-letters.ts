import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { AppError } from "../http/errors";
import { filterQueryShape, filterWhere } from "./dead-letter-filter";
import { deadLetterOrder, deadLetterSelect, toDeadLetterView, type DeadLetterView } from "./dead-letter-view";
import { loadLetterHistories, type LetterHistory } from "./letter-history";

const LIMIT_MESSAGE = "Limit must be a whole number from 1 to 200";

export const deadLetterListQuerySchema = z.object({
  limit: z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(200, LIMIT_MESSAGE).default(50),
  /** The id of the last letter of the previous page (its `nextCursor`). */
  cursor: z.string().min(1).optional(),
  ...filterQueryShape,
});

export type DeadLetterListQuery = z.output<typeof deadLetterListQuerySchema>;

export type DeadLetterListItem = DeadLetterView & LetterHistory;

export interface DeadLetterPage {
  data: DeadLetterListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Keyset pagination on (failedAt desc, id desc). A letter whose reprocess fails again gets
 * a new failedAt and moves to the top, so a walk through the pages may miss or repeat a
 * letter that failed again meanwhile; new letters never shift a page.
 */
async function afterCursor(db: Db, cursor: string): Promise<Prisma.DeadLetterWhereInput> {
  const row = await db.prisma.deadLetter.findUnique({ where: { id: cursor }, select: { id: true, failedAt: true } });
  if (!row) {
    throw new AppError("validation_failed", "The request is not valid", {
      details: [{ path: "cursor", message: "The cursor does not name a dead letter; start again from the first page" }],
    });
  }
  return { OR: [{ failedAt: { lt: row.failedAt } }, { failedAt: row.failedAt, id: { lt: row.id } }] };
}

export async function listDeadLetters(db: Db, query: DeadLetterListQuery): Promise<DeadLetterPage> {
  const filters: Prisma.DeadLetterWhereInput[] = [filterWhere(query)];
  if (query.cursor) filters.push(await afterCursor(db, query.cursor));
  const rows = await db.prisma.deadLetter.findMany({ where: { AND: filters }, orderBy: deadLetterOrder, take: query.limit + 1, select: deadLetterSelect });
  const page = rows.slice(0, query.limit);
  const histories = await loadLetterHistories(db, page, { responseBodies: false });
  return {
    data: page.map((row) => ({ ...toDeadLetterView(row), deliveries: [], history: [], ...histories.get(row.id) })),
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}
