import type { Db, InboundSource } from "../db/client";

const TTL_MS = 5_000;
/**
 * A name the snapshot does not hold reads the table again once the snapshot is this old: a
 * source just created through another instance (or another process) is found within it,
 * and made-up names cost at most one query per interval, whatever their number.
 */
export const MISS_REFRESH_MS = 250;

/**
 * Every source by name, read whole and kept a few seconds: sources are few, and
 * `/api/webhook/<name>` needs no credentials, so a made-up name must cost neither a query
 * per request nor memory. Edits made in this process invalidate at once; a new source
 * made elsewhere is found within MISS_REFRESH_MS, other edits within the TTL.
 */
export class SourceCache {
  private byName: Map<string, InboundSource> | null = null;
  private until = 0;
  private readAt = 0;
  /** The read under way: a burst of requests waits on one query. */
  private loading: Promise<Map<string, InboundSource>> | null = null;
  /** Bumped by invalidate(), so a read that began before an edit is not kept after it. */
  private generation = 0;

  async get(db: Db, name: string, now: number): Promise<InboundSource | null> {
    const fresh = this.byName && this.until > now ? this.byName : null;
    const sources = fresh ?? (await this.load(db, now));
    const found = sources.get(name);
    if (found || !fresh || now - this.readAt < MISS_REFRESH_MS) return found ?? null;
    return (await this.load(db, now)).get(name) ?? null;
  }

  invalidate(): void {
    this.generation++;
    this.byName = null;
    this.loading = null;
  }

  private load(db: Db, now: number): Promise<Map<string, InboundSource>> {
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = db.prisma.inboundSource.findMany().then(
      (rows) => {
        const byName = new Map(rows.map((r) => [r.name, r]));
        if (generation === this.generation) [this.byName, this.until, this.readAt] = [byName, now + TTL_MS, now];
        if (this.loading === loading) this.loading = null;
        return byName;
      },
      (err: unknown) => {
        if (this.loading === loading) this.loading = null;
        throw err;
      },
    );
    this.loading = loading;
    return loading;
  }
}
