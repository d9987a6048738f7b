import { LRUCache } from "lru-cache";
import type { Db } from "../db/client";

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

  /** Writes the duplicate counts gathered from cache hits to their records. */
  async flushHits(db: Db): Promise<void> {
    if (this.pendingHits.size === 0) return;
    const batch = [...this.pendingHits];
    this.pendingHits.clear();
    for (const [id, n] of batch) {
      try {
        await db.prisma.inboundEvent.updateMany({ where: { id }, data: { duplicateCount: { increment: n } } });
      } catch {
        // The database is away: keep the counts for the next flush rather than lose them.
        this.pendingHits.set(id, (this.pendingHits.get(id) ?? 0) + n);
      }
    }
  }
}
