// The payload search index follows the rows it covers: new, changed and removed payloads,
// on each database, through the statements the search uses.
import { describe, expect, it } from "vitest";
import { payloadIndexFor } from "@/lib/search/payload-index";
import { testProviders, useTestDatabase } from "@/tests/support/databases";

describe.each(testProviders())("the payload search index on %s", (provider) => {
  const t = useTestDatabase(provider);
  const text = (s: string) => ({ kind: "text" as const, text: s });
  const index = () => payloadIndexFor(t.db);

  const message = (payload: object) => t.db.prisma.message.create({ data: { eventType: "test.indexed", payload: JSON.stringify(payload) } });

  it("finds new messages newest first, and follows a payload that changes or a row that goes", async () => {
    const first = await message({ note: "alpha bravo charlie" });
    const second = await message({ note: "bravo charlie delta" });
    await index().catchUp(100);
    expect(await index().find("Message", text("bravo charlie"), 10)).toEqual([second.id, first.id]);

    await t.db.prisma.message.update({ where: { id: first.id }, data: { payload: JSON.stringify({ note: "echo foxtrot" }) } });
    await index().catchUp(100);
    expect(await index().find("Message", text("bravo charlie"), 10)).toEqual([second.id]);
    expect(await index().find("Message", text("echo foxtrot"), 10)).toEqual([first.id]);

    await t.db.prisma.message.delete({ where: { id: second.id } });
    expect(await index().find("Message", text("bravo charlie"), 10)).toEqual([]);
  });

  it("a row removed or changed before it was indexed leaves nothing behind", async () => {
    const gone = await message({ note: "golf hotel" });
    const changed = await message({ note: "golf india" });
    await t.db.prisma.message.delete({ where: { id: gone.id } });
    await t.db.prisma.message.update({ where: { id: changed.id }, data: { payload: JSON.stringify({ note: "juliet kilo" }) } });
    await index().catchUp(100);
    expect(await index().find("Message", text("golf"), 10)).toEqual([]);
    expect(await index().find("Message", text("juliet kilo"), 10)).toEqual([changed.id]);
    if (provider === "sqlite") {
      // FTS5 checks its index against the table it reads: a wrong 'delete' would show here.
      expect(() => t.db.sqlite!.connection.exec(`INSERT INTO "search_message" ("search_message") VALUES ('integrity-check')`)).not.toThrow();
    }
  });

  // PostgreSQL keeps its indexes in the row's own transaction: there is never a queue.
  it.skipIf(provider !== "sqlite")("indexes at most what it is asked to at a time, and the rest on the next call", async () => {
    await index().catchUp(1_000);
    for (let i = 0; i < 5; i++) await message({ note: `lima ${i}` });
    expect(await index().catchUp(3)).toBe(3);
    expect(await index().catchUp(100)).toBe(2);
    expect(await index().find("Message", text("lima"), 10)).toHaveLength(5);
  });

  it("a payload PostgreSQL cannot read as jsonb does not fail a search by path", async () => {
    const odd = await message({ note: "mike november \u0000" });
    const plain = await message({ note: "mike" });
    await index().catchUp(100);
    expect(await index().find("Message", { kind: "path", equals: { path: ["note"], value: "mike", text: "mike" } }, 10)).toEqual([plain.id]);
    expect(await index().find("Message", text("mike november"), 10)).toEqual([odd.id]);
  });
});
