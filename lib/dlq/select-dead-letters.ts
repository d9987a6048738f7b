import { z } from "zod";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { bulkFilterSchema, filterWhere, type BulkFilter } from "./dead-letter-filter";

/** A job snapshots its letter ids into one row; past this the filter should be narrowed. */
export const MAX_BULK_LETTERS = 50_000;
const MAX_EXPLICIT_IDS = 10_000;

const IDS_MESSAGE = `ids must be a list of 1 to ${MAX_EXPLICIT_IDS} dead letter ids`;
const ONE_OF_MESSAGE = "Send either ids (a list of dead letter ids) or filter (reason, endpointId, eventType, kind, since, until), not both";

/** Letters named one by one or by a filter; a request sends exactly one (see exactlyOneSelection). */
export const bulkSelectionShape = {
  ids: z.array(z.string({ error: IDS_MESSAGE }).min(1, IDS_MESSAGE), { error: IDS_MESSAGE }).min(1, IDS_MESSAGE).max(MAX_EXPLICIT_IDS, IDS_MESSAGE).optional(),
  filter: bulkFilterSchema.optional(),
};

export type BulkSelection = { ids?: string[]; filter?: BulkFilter };

/** Arguments for `.refine` on a bulk request schema. */
export const exactlyOneSelection: [(s: BulkSelection) => boolean, { message: string; path: string[] }] = [
  (s) => (s.ids === undefined) !== (s.filter === undefined),
  { message: ONE_OF_MESSAGE, path: ["filter"] },
];

/** Only pending letters can be reprocessed or discarded, so a selection never reaches others. */
export function selectionWhere(s: BulkSelection): Prisma.DeadLetterWhereInput {
  return { AND: [{ status: "pending" }, s.ids ? { id: { in: s.ids } } : filterWhere(s.filter ?? {})] };
}

/** A selection as kept on its job: ids are counted, not copied (the job keeps the letters it took). */
export function describeSelection(s: BulkSelection): Record<string, unknown> {
  return s.ids ? { ids: s.ids.length } : { filter: s.filter ?? {} };
}
