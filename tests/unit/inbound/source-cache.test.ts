import { describe, expect, it } from "vitest";
import type { Db, InboundSource } from "@/lib/db/client";
import { SourceCache } from "@/lib/inbound/source-cache";

/** A database holding sources by these names, counting the reads made. */
function fakeDb(names: string[]) {
  let reads = 0;
  const db = {
    prisma: {
      inboundSource: {
        findMany: async () => {
          reads++;
          return names.map((name) => ({ id: `src_${name}`, name }) as InboundSource);
        },
      },
    },
  } as unknown as Db;
  return { db, reads: () => reads };
}

describe("the source cache", () => {
  it("answers made-up names from memory, so a flood of them costs no query and cannot hide a real source", async () => {
    const { db, reads } = fakeDb(["stripe-prod"]);
    const cache = new SourceCache();
    for (let i = 0; i < 5_000; i++) expect(await cache.get(db, `made-up-${i}`, 1_000)).toBeNull();
    expect(await cache.get(db, "stripe-prod", 1_000)).toMatchObject({ name: "stripe-prod" });
    expect(reads()).toBe(1);
  });

  it("finds a source created elsewhere once the snapshot is 250 ms old, and reads at most once per 250 ms for unknown names", async () => {
    const names = ["shop"];
    const { db, reads } = fakeDb(names);
    const cache = new SourceCache();
    await cache.get(db, "shop", 0);
    names.push("made-elsewhere");
    expect(await cache.get(db, "made-elsewhere", 249)).toBeNull();
    expect(reads()).toBe(1);
    expect(await cache.get(db, "made-elsewhere", 250)).toMatchObject({ name: "made-elsewhere" });
    expect(reads()).toBe(2);
    for (let i = 0; i < 1_000; i++) await cache.get(db, `made-up-${i}`, 251 + (i % 249));
    expect(reads()).toBe(2);
    await cache.get(db, "made-up", 500);
    expect(reads()).toBe(3);
  });

  it("reads once for a burst of requests at the same moment, and again once the entries are 5 s old", async () => {
    const { db, reads } = fakeDb(["shop"]);
    const cache = new SourceCache();
    const found = await Promise.all(Array.from({ length: 500 }, () => cache.get(db, "shop", 0)));
    expect(found.every((s) => s?.name === "shop")).toBe(true);
    expect(reads()).toBe(1);
    await cache.get(db, "shop", 4_999);
    expect(reads()).toBe(1);
    await cache.get(db, "shop", 5_000);
    expect(reads()).toBe(2);
  });

  it("finds a source created since at once when invalidated, even if a read was under way", async () => {
    const names: string[] = [];
    const { db } = fakeDb(names);
    const cache = new SourceCache();
    const before = cache.get(db, "new", 0);
    names.push("new");
    cache.invalidate();
    expect(await before).toBeNull();
    expect(await cache.get(db, "new", 1)).toMatchObject({ name: "new" });
  });
});
