import { describe, expect, it } from "vitest";
import type { Db, InboundSource } from "@/lib/db/client";
import { SourceCache } from "@/lib/inbound/source-cache";

/** A database holding `names`, counting the look-ups made. */
function fakeDb(names: string[]) {
  const lookups: string[] = [];
  const db = {
    prisma: {
      inboundSource: {
        findUnique: async ({ where }: { where: { name: string } }) => {
          lookups.push(where.name);
          return names.includes(where.name) ? ({ id: `src_${where.name}`, name: where.name } as InboundSource) : null;
        },
      },
    },
  } as unknown as Db;
  return { db, lookups };
}

describe("the source cache", () => {
  it("asks the database about at most 20 unknown names a second, however many are posted", async () => {
    const { db, lookups } = fakeDb([]);
    const cache = new SourceCache();
    for (let i = 0; i < 5_000; i++) expect(await cache.get(db, `made-up-${i}`, 1_000)).toBeNull();
    expect(lookups).toHaveLength(20);
    for (let i = 0; i < 100; i++) await cache.get(db, `later-${i}`, 2_000);
    expect(lookups).toHaveLength(40);
  });

  it("asks once for a name a burst of requests asks for at the same moment", async () => {
    const { db, lookups } = fakeDb(["shop"]);
    const cache = new SourceCache();
    const found = await Promise.all(Array.from({ length: 500 }, () => cache.get(db, "shop", 0)));
    expect(found.every((s) => s?.name === "shop")).toBe(true);
    expect(lookups).toEqual(["shop"]);
  });

  it("still re-reads a known source when its entry ends in the middle of a flood of unknown names", async () => {
    const { db, lookups } = fakeDb(["shop"]);
    const cache = new SourceCache();
    expect(await cache.get(db, "shop", 0)).toMatchObject({ name: "shop" });
    for (let i = 0; i < 100; i++) await cache.get(db, `made-up-${i}`, 6_000);
    const before = lookups.length;
    expect(await cache.get(db, "shop", 6_000)).toMatchObject({ name: "shop" });
    expect(lookups).toHaveLength(before + 1);
  });

  it("answers from memory within the TTL and finds a source created since once invalidated", async () => {
    const names: string[] = [];
    const { db, lookups } = fakeDb(names);
    const cache = new SourceCache();
    expect(await cache.get(db, "new", 0)).toBeNull();
    expect(await cache.get(db, "new", 100)).toBeNull();
    expect(lookups).toHaveLength(1);
    names.push("new");
    cache.invalidate("new");
    expect(await cache.get(db, "new", 200)).toMatchObject({ name: "new" });
  });
});
