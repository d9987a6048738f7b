import type { Db, InboundSource } from "../db/client";

const TTL_MS = 5_000;

/**
 * Sources by name, kept a few seconds so the duplicate fast path needs no query. Edits
 * made in this process invalidate at once; other instances see them within the TTL.
 */
export class SourceCache {
  private readonly entries = new Map<string, { source: InboundSource | null; until: number }>();

  async get(db: Db, name: string, now: number): Promise<InboundSource | null> {
    const hit = this.entries.get(name);
    if (hit && hit.until > now) return hit.source;
    const source = await db.prisma.inboundSource.findUnique({ where: { name } });
    this.entries.set(name, { source, until: now + TTL_MS });
    return source;
  }

  invalidate(name?: string): void {
    if (name === undefined) this.entries.clear();
    else this.entries.delete(name);
  }
}
