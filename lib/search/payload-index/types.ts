import type { PathEquals } from "../payload-query";

/** Payload content asked for: text as written, or one JSON member equal to a value. */
export type PayloadMatch = { kind: "text"; text: string } | { kind: "path"; equals: PathEquals };

export type PayloadTable = "Message" | "InboundEvent";

/** The payload search's statements for one database (its objects: the payload_search migration). */
export interface PayloadIndex {
  /** Ids of the rows whose payload matches, newest first. */
  find(table: PayloadTable, match: PayloadMatch, limit: number): Promise<string[]>;
  /**
   * Brings the index up to date with up to `maxRows` stored rows; how many it took. Where
   * the database keeps the index itself, there is never anything to do.
   */
  catchUp(maxRows: number): Promise<number>;
}
