import { beforeEach, describe, expect, it } from "vitest";
import { deleteExpiredRecords } from "@/lib/inbound/idempotency-store";
import { testProviders, useTestDatabase } from "../../support/databases";
import { resetInbound } from "./helpers";

describe.each(testProviders())("removing expired inbound records on %s", (provider) => {
  const t = useTestDatabase(provider);
  const now = new Date("2030-01-01T00:00:00Z");

  beforeEach(async () => {
    await resetInbound(t.db);
  });

  async function seed(count: number, expiresAt: Date, prefix: string): Promise<void> {
    const source = await t.db.prisma.inboundSource.findUniqueOrThrow({ where: { name: "default" } });
    await t.db.prisma.inboundEvent.createMany({
      data: Array.from({ length: count }, (_, i) => ({ sourceId: source.id, idempotencyKey: `${prefix}${i}`, keySource: "body.id", payload: "{}", status: "processed", expiresAt })),
    });
  }

  it("deletes every expired record, over several batches, and keeps the live ones", async () => {
    await seed(1_201, new Date(now.getTime() - 1), "old_");
    await seed(1, now, "edge_");
    await seed(3, new Date(now.getTime() + 1), "live_");
    expect(await deleteExpiredRecords(t.db, now)).toBe(1_202);
    const left = await t.db.prisma.inboundEvent.findMany({ select: { idempotencyKey: true }, orderBy: { idempotencyKey: "asc" } });
    expect(left.map((r) => r.idempotencyKey)).toEqual(["live_0", "live_1", "live_2"]);
    expect(await deleteExpiredRecords(t.db, now)).toBe(0);
  });
});
