import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { DedupeCache } from "@/lib/inbound/dedupe-cache";

const entry = (recordId: string, expiresAt: number) => ({ recordId, status: 200, body: `{"id":"${recordId}"}`, expiresAt });

/** Just enough of a Db for flushHits: records the increment each record got, optionally failing. */
function fakeDb(fail = false) {
  const increments: { id: string; by: number }[] = [];
  const updateMany = vi.fn(async (args: { where: { id: { in: string[] } }; data: { duplicateCount: { increment: number } } }) => {
    if (fail) throw new Error("database away");
    for (const id of args.where.id.in) increments.push({ id, by: args.data.duplicateCount.increment });
    return { count: args.where.id.in.length };
  });
  return { db: { prisma: { inboundEvent: { updateMany } } } as unknown as Db, increments, updateMany };
}

describe("DedupeCache", () => {
  it("answers by source and key", () => {
    const cache = new DedupeCache(10);
    cache.set("s1", "k", entry("r1", 1_000), 0);
    expect(cache.get("s1", "k", 10)?.recordId).toBe("r1");
    expect(cache.get("s2", "k", 10)).toBeUndefined();
  });

  it("forgets an entry when its record expires, by the caller's clock", () => {
    const cache = new DedupeCache(10);
    cache.set("s", "k", entry("r", 1_000), 0);
    expect(cache.get("s", "k", 999)).toBeDefined();
    expect(cache.get("s", "k", 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set("s", "k2", entry("r2", 1_000), 1_000);
    expect(cache.size).toBe(0);
  });

  it("is bounded, evicting the least recently used", () => {
    const cache = new DedupeCache(2);
    cache.set("s", "a", entry("a", 1e15), 0);
    cache.set("s", "b", entry("b", 1e15), 0);
    cache.get("s", "a", 0);
    cache.set("s", "c", entry("c", 1e15), 0);
    expect(cache.size).toBe(2);
    expect(cache.get("s", "b", 0)).toBeUndefined();
    expect(cache.get("s", "a", 0)).toBeDefined();
  });

  it("is off with size 0", () => {
    const cache = new DedupeCache(0);
    cache.set("s", "a", entry("a", 1e15), 0);
    expect(cache.get("s", "a", 0)).toBeUndefined();
  });

  it("counts hits and writes each record's total once, batching records with the same total", async () => {
    const cache = new DedupeCache(10);
    cache.set("s", "a", entry("ra", 1e15), 0);
    cache.set("s", "b", entry("rb", 1e15), 0);
    for (let i = 0; i < 3; i++) cache.get("s", "a", 0);
    cache.get("s", "b", 0);
    cache.set("s", "c", entry("rc", 1e15), 0);
    cache.get("s", "c", 0);
    const { db, increments, updateMany } = fakeDb();
    await cache.flushHits(db);
    expect(increments).toEqual([
      { id: "ra", by: 3 },
      { id: "rb", by: 1 },
      { id: "rc", by: 1 },
    ]);
    expect(updateMany).toHaveBeenCalledTimes(2);
    await cache.flushHits(db);
    expect(increments).toHaveLength(3);
  });

  it("keeps the counts for the next flush when the database is away", async () => {
    const cache = new DedupeCache(10);
    cache.set("s", "a", entry("ra", 1e15), 0);
    cache.get("s", "a", 0);
    cache.get("s", "a", 0);
    await cache.flushHits(fakeDb(true).db);
    cache.get("s", "a", 0);
    const { db, increments } = fakeDb();
    await cache.flushHits(db);
    expect(increments).toEqual([{ id: "ra", by: 3 }]);
  });
});
