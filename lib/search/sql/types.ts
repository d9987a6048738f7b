import type { PayloadMatch } from "../payload-query";

export type { PayloadMatch };

export type SearchTable = "Message" | "InboundEvent";

/** The search's statements for one database (its hand-written objects: the search_indexes migration). */
export interface SearchSql {
  /** Ids of the rows whose payload matches, newest first, rows stored a moment ago included. */
  findPayload(table: SearchTable, match: PayloadMatch, limit: number): Promise<string[]>;
  /** Ids of the newest rows whose event type starts with `prefix`, newest first. */
  findTypePrefix(table: SearchTable, prefix: string, limit: number): Promise<string[]>;
  /**
   * Brings the payload index up to date with up to `maxRows` stored rows; how many it took.
   * Where the database keeps the index itself, there is never anything to do.
   */
  catchUp(maxRows: number): Promise<number>;
}
