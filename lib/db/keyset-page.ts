import { z } from "zod";
import { invalidRequest } from "../errors/app-error";

/** What every paged list takes: a page size and the previous page's `nextCursor`. */
export interface PageQuery {
  limit: number;
  cursor?: string;
}

export const MAX_PAGE_SIZE = 200;
const LIMIT_MESSAGE = `Limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** The paging fields of every list's query schema, spread into it: one contract for every list. */
export const pageQueryShape = {
  limit: z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(MAX_PAGE_SIZE, LIMIT_MESSAGE).default(50),
  /** The id of the last row of the previous page (its `nextCursor`). */
  cursor: z.string().trim().min(1).max(100).optional(),
};

/** The one list envelope of a paged list; `nextCursor` is null on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Rows strictly after (at, id) in (field desc, id desc) order, as a Prisma where clause of the list's model. */
export type After<F extends string> = { OR: [{ [K in F]: { lt: Date } }, { [K in F]: Date } & { id: { lt: string } }] };

export interface KeysetList<F extends string, Row extends { id: string }> {
  /** The time column the list is ordered by, newest first; the id breaks ties. */
  field: F;
  /** What a cursor names, for the refusal of one that names nothing: "a delivery". */
  noun: string;
  /** The cursor row's time, or null when no row has that id (deleted, expired, or never one). */
  cursorRow(id: string): Promise<({ id: string } & { [K in F]: Date }) | null>;
  /** Up to `take` rows after `after` (all from the start when undefined), in (field desc, id desc) order. */
  rows(after: After<F> | undefined, take: number): Promise<Row[]>;
}

/**
 * Keyset paging, the one way every list pages: the cursor is the id of the previous page's
 * last row, and the next page is everything strictly after that row in (field desc, id
 * desc) order, so rows written meanwhile never shift a page. One row more than the page is
 * read to know whether another page follows. A cursor that names no row is a 400 on
 * `cursor`, the same for every list.
 */
export async function keysetPage<F extends string, Row extends { id: string }>(query: PageQuery, list: KeysetList<F, Row>): Promise<Page<Row>> {
  let after: After<F> | undefined;
  if (query.cursor) {
    const row = await list.cursorRow(query.cursor);
    if (!row) throw invalidRequest([{ path: "cursor", message: `The cursor does not name ${list.noun}; start again from the first page` }]);
    const at = row[list.field] as Date;
    after = { OR: [{ [list.field]: { lt: at } }, { [list.field]: at, id: { lt: row.id } }] } as After<F>;
  }
  const rows = await list.rows(after, query.limit + 1);
  const data = rows.slice(0, query.limit);
  return { data, nextCursor: rows.length > query.limit ? data[data.length - 1].id : null };
}
