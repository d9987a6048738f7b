import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/databases";

describe("sqlite: one connection shared by concurrent requests", () => {
  const t = useTestDatabase("sqlite");

  it("a write made by another request while a transaction is open survives that transaction's rollback", async () => {
    const { prisma } = t.db;
    const failing = prisma
      .$transaction(async (tx) => {
        await tx.message.create({ data: { eventType: "rolled-back", payload: "{}" } });
        await new Promise((r) => setTimeout(r, 100));
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    // Let the transaction open and write first, then write from "another request".
    await new Promise((r) => setTimeout(r, 30));
    await prisma.message.create({ data: { eventType: "kept", payload: "{}" } });
    expect(await failing).toBe("roll back");
    expect((await prisma.message.findMany()).map((m) => m.eventType)).toEqual(["kept"]);
  });

  it("transactions and plain queries interleaved from many requests all land", async () => {
    const { prisma } = t.db;
    await prisma.message.deleteMany();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2
          ? prisma.$transaction(async (tx) => {
              await tx.message.create({ data: { eventType: `tx-${i}`, payload: "{}" } });
            })
          : prisma.message.create({ data: { eventType: `plain-${i}`, payload: "{}" } }),
      ),
    );
    expect(await prisma.message.count()).toBe(40);
  });
});
