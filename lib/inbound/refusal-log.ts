import type { Db } from "../db/client";
import { logger } from "../log";
import type { RefusalEntry } from "./refusal-entry";
import { isDatabaseUnavailable } from "../db/errors";
import { addRefusalCount, appendRefusals, hourOf, pruneRefusalCounts, REFUSALS_KEPT, type RefusalCount } from "./refusal-store";

/**
 * Refusals wait here and are written in batches, off the request path: a flood of bad
 * requests costs each one a push into a bounded list, and the database one insert per
 * source per flush, whatever the flood's size. Only the newest entries per source are kept;
 * every refusal is counted.
 */
export class RefusalLog {
  private entries = new Map<string, RefusalEntry[]>();
  private counts = new Map<string, RefusalCount>();
  private flushing = false;

  constructor(private readonly keep = REFUSALS_KEPT) {}

  record(entry: RefusalEntry): void {
    const list = this.entries.get(entry.sourceId) ?? [];
    list.push(entry);
    if (list.length > this.keep) list.shift();
    this.entries.set(entry.sourceId, list);
    const hour = hourOf(entry.receivedAt.getTime());
    const key = `${entry.sourceId}\u0000${hour}\u0000${entry.status}`;
    const count = this.counts.get(key);
    if (count) count.count++;
    else this.counts.set(key, { sourceId: entry.sourceId, hour, status: entry.status, count: 1 });
  }

  get pending(): number {
    let n = 0;
    for (const list of this.entries.values()) n += list.length;
    return n;
  }

  /** Writes what has gathered; what cannot be written while the database is away is kept for the next flush. */
  async flush(db: Db, now: number): Promise<void> {
    if (this.flushing || (this.entries.size === 0 && this.counts.size === 0)) return;
    this.flushing = true;
    const entries = this.entries;
    const counts = [...this.counts.values()];
    this.entries = new Map();
    this.counts = new Map();
    try {
      for (const [sourceId, list] of entries) {
        try {
          await appendRefusals(db, sourceId, list);
        } catch (err) {
          // The database is away: keep them, newest last, within the bound. Anything else is
          // most likely the source deleted meanwhile, and its refusals go with it.
          if (isDatabaseUnavailable(err)) for (const entry of list) this.requeue(entry);
          else logger.debug({ err, sourceId }, "refusals not written");
        }
      }
      for (const [i, c] of counts.entries()) {
        try {
          await addRefusalCount(db, c);
        } catch (err) {
          if (!isDatabaseUnavailable(err)) continue;
          // The database is away: the rest are counted at the next flush, not lost.
          for (const rest of counts.slice(i)) this.mergeCount(rest);
          logger.debug({ err }, "refusal counts not written; kept for the next flush");
          return;
        }
      }
      await pruneRefusalCounts(db, now).catch((err: unknown) => logger.debug({ err }, "old refusal counts not pruned"));
    } finally {
      this.flushing = false;
    }
  }

  /** Puts back an entry that could not be written, before any that arrived meanwhile. */
  private requeue(entry: RefusalEntry): void {
    const list = this.entries.get(entry.sourceId) ?? [];
    if (list.length < this.keep) this.entries.set(entry.sourceId, [entry, ...list].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime()));
  }

  private mergeCount(c: RefusalCount): void {
    const key = `${c.sourceId}\u0000${c.hour}\u0000${c.status}`;
    const existing = this.counts.get(key);
    if (existing) existing.count += c.count;
    else this.counts.set(key, c);
  }
}
