import { LRUCache } from "lru-cache";
import type { Db, InboundSource } from "../db/client";
import { RateLimiter } from "../rate-limiter";

const TTL_MS = 5_000;
/** Sources are few; unknown names posted by anyone must not grow memory without bound. */
const MAX_ENTRIES = 1_000;
/**
 * Database look-ups of names not in the cache, per second. `/api/webhook/<name>` needs no
 * credentials, so a flood of made-up names would otherwise be a query each; past this
 * rate an uncached name is answered as unknown (404) without asking the database.
 */
const MISS_LOOKUPS_PER_SECOND = 20;

/**
 * Sources by name, kept a few seconds so the duplicate fast path needs no query. Edits
 * made in this process invalidate at once; other instances see them within the TTL.
 */
export class SourceCache {
  private readonly entries = new LRUCache<string, { source: InboundSource | null; until: number }>({ max: MAX_ENTRIES });
  private readonly misses = new RateLimiter();
  /** Look-ups under way: a burst of requests for one name waits on one query. */
  private readonly reading = new Map<string, Promise<InboundSource | null>>();

  async get(db: Db, name: string, now: number): Promise<InboundSource | null> {
    const hit = this.entries.get(name);
    if (hit && hit.until > now) return hit.source;
    const pending = this.reading.get(name);
    if (pending) return pending;
    // A known source is re-read when its entry ends, however busy the door is.
    if (!hit?.source && this.misses.take("lookups", MISS_LOOKUPS_PER_SECOND, now) > 0) return null;
    const read: Promise<InboundSource | null> = db.prisma.inboundSource.findUnique({ where: { name } }).then(
      (source) => {
        // An edit that invalidated the name while this read was under way wins over it.
        if (this.reading.get(name) === read) {
          this.entries.set(name, { source, until: now + TTL_MS });
          this.reading.delete(name);
        }
        return source;
      },
      (err: unknown) => {
        if (this.reading.get(name) === read) this.reading.delete(name);
        throw err;
      },
    );
    this.reading.set(name, read);
    return read;
  }

  invalidate(name?: string): void {
    if (name === undefined) {
      this.entries.clear();
      this.reading.clear();
    } else {
      this.entries.delete(name);
      this.reading.delete(name);
    }
  }
}
