// The search's own statements on each database: the payload index follows the rows it
// covers (new, changed and removed payloads), and an event-type prefix finds the newest rows
// of every type under it.
import { describe, expect, it, vi } from "vitest";
import { startPayloadIndexer } from "@/lib/search/payload-indexer";
import { searchSqlFor } from "@/lib/search/sql";
import { testProviders, useTestDatabase } from "@/tests/support/databases";

describe.each(testProviders())("the search statements on %s", (provider) => {
  const t = useTestDatabase(provider);
  const text = (s: string) => ({ kind: "text" as const, text: s });
  const sql = () => searchSqlFor(t.db);

  const message = (payload: object, eventType = "test.indexed", createdAt = new Date()) => t.db.prisma.message.create({ data: { eventType, payload: JSON.stringify(payload), createdAt } });

  it("finds new messages newest first, and follows a payload that changes or a row that goes", async () => {
    const first = await message({ note: "alpha bravo charlie" });
    const second = await message({ note: "bravo charlie delta" });
    await sql().catchUp(100);
    expect(await sql().findPayload("Message", text("bravo charlie"), 10)).toEqual([second.id, first.id]);

    await t.db.prisma.message.update({ where: { id: first.id }, data: { payload: JSON.stringify({ note: "echo foxtrot" }) } });
    await sql().catchUp(100);
    expect(await sql().findPayload("Message", text("bravo charlie"), 10)).toEqual([second.id]);
    expect(await sql().findPayload("Message", text("echo foxtrot"), 10)).toEqual([first.id]);

    await t.db.prisma.message.delete({ where: { id: second.id } });
    expect(await sql().findPayload("Message", text("bravo charlie"), 10)).toEqual([]);
  });

  it("finds a payload stored a moment ago, with nothing indexed in between", async () => {
    const fresh = await message({ note: "quebec romeo sierra" });
    expect(await sql().findPayload("Message", text("romeo sierra"), 10)).toEqual([fresh.id]);
  });

  it("a row removed or changed before it was indexed leaves nothing behind", async () => {
    const gone = await message({ note: "golf hotel" });
    const changed = await message({ note: "golf india" });
    await t.db.prisma.message.delete({ where: { id: gone.id } });
    await t.db.prisma.message.update({ where: { id: changed.id }, data: { payload: JSON.stringify({ note: "juliet kilo" }) } });
    await sql().catchUp(100);
    expect(await sql().findPayload("Message", text("golf"), 10)).toEqual([]);
    expect(await sql().findPayload("Message", text("juliet kilo"), 10)).toEqual([changed.id]);
    if (provider === "sqlite") {
      // FTS5 checks its index against the table it reads: a wrong 'delete' would show here.
      expect(() => t.db.sqlite!.connection.exec(`INSERT INTO "search_message" ("search_message") VALUES ('integrity-check')`)).not.toThrow();
    }
  });

  // PostgreSQL keeps its indexes in the row's own transaction: there is never a queue.
  it.skipIf(provider !== "sqlite")("indexes at most what it is asked to at a time, and the rest on the next call", async () => {
    await sql().catchUp(1_000);
    for (let i = 0; i < 5; i++) await message({ note: `lima ${i}` });
    expect(await sql().catchUp(3)).toBe(3);
    expect(await sql().catchUp(100)).toBe(2);
    expect(await sql().findPayload("Message", text("lima"), 10)).toHaveLength(5);
  });

  it.skipIf(provider !== "sqlite")("the indexer in the background empties the queue with no search asking", async () => {
    await sql().catchUp(1_000);
    const queued = () => (t.db.sqlite!.connection.prepare(`SELECT count(*) AS "n" FROM "search_pending"`).get() as { n: number }).n;
    await message({ note: "oscar papa" });
    expect(queued()).toBe(1);
    const stop = startPayloadIndexer(async () => t.db, 20);
    try {
      await vi.waitFor(() => expect(queued()).toBe(0), { timeout: 10_000 });
    } finally {
      stop();
    }
  });

  it("a payload PostgreSQL cannot read as jsonb does not fail a search by path", async () => {
    const odd = await message({ note: "mike november \u0000" });
    const plain = await message({ note: "mike" });
    await sql().catchUp(100);
    expect(await sql().findPayload("Message", { kind: "path", equals: { path: ["note"], value: "mike", text: "mike" } }, 10)).toEqual([plain.id]);
    expect(await sql().findPayload("Message", text("mike november"), 10)).toEqual([odd.id]);
  });

  it("an event-type prefix finds the newest rows of every type under it, and of no other type", async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const paid = await message({}, "order.paid", at(3));
    const created = await message({}, "order.created", at(1));
    const refunded = await message({}, "order.refunded", at(2));
    await message({}, "orders.legacy", at(4));
    await message({}, "invoice.paid", at(5));
    expect(await sql().findTypePrefix("Message", "order.", 10)).toEqual([paid.id, refunded.id, created.id]);
    expect(await sql().findTypePrefix("Message", "order.", 2)).toEqual([paid.id, refunded.id]);
    expect(await sql().findTypePrefix("Message", "order", 10)).toHaveLength(4);
    expect(await sql().findTypePrefix("Message", "shipment.", 10)).toEqual([]);
  });
});
