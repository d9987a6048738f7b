import type { Db, InboundSource } from "../db/client";

const TTL_MS = 5_000;

/**
 * Every source by name, read whole and kept a few seconds: sources are few, and
 * `/api/webhook/<name>` needs no credentials, so a made-up name must cost neither a query
 * nor memory. Edits made in this process invalidate at once; other instances see them
 * within the TTL.
 */
export class SourceCache {
  private byName: Map<string, InboundSource> | null = null;
  private until = 0;
  /** The read under way: a burst of requests waits on one query. */
  private loading: Promise<Map<string, InboundSource>> | null = null;
  /** Bumped by invalidate(), so a read that began before an edit is not kept after it. */
  private generation = 0;

  async get(db: Db, name: string, now: number): Promise<InboundSource | null> {
    const sources = this.byName && this.until > now ? this.byName : await this.load(db, now);
    return sources.get(name) ?? null;
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
        if (generation === this.generation) [this.byName, this.until] = [byName, now + TTL_MS];
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
