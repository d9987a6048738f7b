import { LRUCache } from "lru-cache";
import type { Db } from "../db/client";

/** Ids per UPDATE ... WHERE id IN (...): well under SQLite's and PostgreSQL's parameter limits. */
const FLUSH_CHUNK = 500;

export interface CachedResult {
  recordId: string;
  status: number;
  body: string;
  /** Epoch ms when the record's TTL ends; the entry must not outlive the record it mirrors. */
  expiresAt: number;
}

/**
 * The in-memory tier in front of the idempotency table: final results of recent events,
 * bounded in entries. A hit answers without a database round trip; the hit is still
 * counted on the record, in batches. Expiry is checked against the caller's clock (not
 * the LRU's own timer) so it agrees with the database's `expiresAt`.
 */
export class DedupeCache {
  private readonly lru: LRUCache<string, CachedResult> | undefined;
  private readonly pendingHits = new Map<string, number>();

  constructor(maxEntries: number) {
    this.lru = maxEntries > 0 ? new LRUCache<string, CachedResult>({ max: maxEntries }) : undefined;
  }

  private static key(sourceId: string, key: string): string {
    return `${sourceId}\u0000${key}`;
  }

  get(sourceId: string, key: string, now: number): CachedResult | undefined {
    const k = DedupeCache.key(sourceId, key);
    const hit = this.lru?.get(k);
    if (!hit) return undefined;
    if (hit.expiresAt <= now) {
      this.lru?.delete(k);
      return undefined;
    }
    this.pendingHits.set(hit.recordId, (this.pendingHits.get(hit.recordId) ?? 0) + 1);
    return hit;
  }

  set(sourceId: string, key: string, result: CachedResult, now: number): void {
    if (result.expiresAt > now) this.lru?.set(DedupeCache.key(sourceId, key), result);
  }

  get size(): number {
    return this.lru?.size ?? 0;
  }

  /**
   * Writes the duplicate counts gathered from cache hits to their records: one statement
   * per distinct count (hits on 1 000 records in a second are mostly 1s and 2s), not one
   * per record, so the fast path's bookkeeping stays cheaper than the answers it saves.
   */
  async flushHits(db: Db): Promise<void> {
    if (this.pendingHits.size === 0) return;
    const batch = [...this.pendingHits];
    this.pendingHits.clear();
    const byCount = new Map<number, string[]>();
    for (const [id, n] of batch) {
      const ids = byCount.get(n);
      if (ids) ids.push(id);
      else byCount.set(n, [id]);
    }
    for (const [n, ids] of byCount) {
      for (let i = 0; i < ids.length; i += FLUSH_CHUNK) {
        const chunk = ids.slice(i, i + FLUSH_CHUNK);
        try {
          await db.prisma.inboundEvent.updateMany({ where: { id: { in: chunk } }, data: { duplicateCount: { increment: n } } });
        } catch {
          // The database is away: keep the counts for the next flush rather than lose them.
          for (const id of chunk) this.pendingHits.set(id, (this.pendingHits.get(id) ?? 0) + n);
        }
      }
    }
  }
}
