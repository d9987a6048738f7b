import { LRUCache } from "lru-cache";
import type { Db } from "../db/client";

export interface CachedResult {
  recordId: string;
  status: number;
  body: string;
}

/**
 * The in-memory tier in front of the idempotency table: final results of recent events,
 * bounded in entries, each kept no longer than its record lives. A hit answers without a
 * database round trip; the hit is still counted on the record, in batches.
 */
export class DedupeCache {
  private readonly lru: LRUCache<string, CachedResult> | undefined;
  private readonly pendingHits = new Map<string, number>();

  constructor(maxEntries: number) {
    this.lru = maxEntries > 0 ? new LRUCache<string, CachedResult>({ max: maxEntries, ttlAutopurge: false }) : undefined;
  }

  private static key(sourceId: string, key: string): string {
    return `${sourceId}\u0000${key}`;
  }

  get(sourceId: string, key: string): CachedResult | undefined {
    const hit = this.lru?.get(DedupeCache.key(sourceId, key));
    if (hit) this.pendingHits.set(hit.recordId, (this.pendingHits.get(hit.recordId) ?? 0) + 1);
    return hit;
  }

  set(sourceId: string, key: string, result: CachedResult, ttlMs: number): void {
    if (ttlMs > 0) this.lru?.set(DedupeCache.key(sourceId, key), result, { ttl: ttlMs });
  }

  delete(sourceId: string, key: string): void {
    this.lru?.delete(DedupeCache.key(sourceId, key));
  }

  clear(): void {
    this.lru?.clear();
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
