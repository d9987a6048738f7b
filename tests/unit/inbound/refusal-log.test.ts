import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { RefusalEntry } from "@/lib/inbound/refusal-entry";
import { RefusalLog } from "@/lib/inbound/refusal-log";

const HOUR = 3600_000;

function entry(sourceId: string, at: number, status = 401): RefusalEntry {
  return { sourceId, receivedAt: new Date(at), status, code: "invalid_signature", reason: "Signature does not match", headers: {}, bodyExcerpt: "{}", bodyBytes: 2 };
}

/** Just the calls the log makes, recorded; `down` makes every call fail as an unreachable database does. */
function fakeDb() {
  const written: RefusalEntry[][] = [];
  const counted: { sourceId: string; status: number; hour: number; count: number }[] = [];
  const state = { down: false };
  const fail = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { kind: "DatabaseNotReachable" }));
  const prisma = {
    inboundRefusal: {
      createMany: ({ data }: { data: RefusalEntry[] }) => (state.down ? fail() : (written.push(data), Promise.resolve({ count: data.length }))),
      findMany: () => (state.down ? fail() : Promise.resolve([])),
      deleteMany: () => Promise.resolve({ count: 0 }),
    },
    inboundRefusalCount: {
      upsert: ({ create }: { create: { sourceId: string; status: number; hour: Date; count: number } }) =>
        state.down ? fail() : (counted.push({ ...create, hour: create.hour.getTime() }), Promise.resolve(create)),
      deleteMany: () => Promise.resolve({ count: 0 }),
    },
  };
  return { db: { prisma } as unknown as Db, written, counted, state };
}

describe("RefusalLog", () => {
  it("keeps only the newest entries per source but counts every refusal by hour and status", async () => {
    const log = new RefusalLog(3);
    for (let i = 0; i < 5; i++) log.record(entry("a", 10 * HOUR + i));
    log.record(entry("a", 11 * HOUR, 413));
    log.record(entry("b", 10 * HOUR));
    expect(log.pending).toBe(4);
    const { db, written, counted } = fakeDb();
    await log.flush(db, 12 * HOUR);
    expect(written.map((list) => list.map((e) => `${e.sourceId}@${e.receivedAt.getTime() - 10 * HOUR}`))).toEqual([["a@3", "a@4", `a@${HOUR}`], ["b@0"]]);
    expect(counted).toEqual([
      { sourceId: "a", hour: 10 * HOUR, status: 401, count: 5 },
      { sourceId: "a", hour: 11 * HOUR, status: 413, count: 1 },
      { sourceId: "b", hour: 10 * HOUR, status: 401, count: 1 },
    ]);
    expect(log.pending).toBe(0);
  });

  it("keeps what it could not write while the database is away, and writes it at the next flush", async () => {
    const log = new RefusalLog(3);
    log.record(entry("a", 1));
    log.record(entry("a", 2));
    const { db, written, counted, state } = fakeDb();
    state.down = true;
    await log.flush(db, 3);
    expect(log.pending).toBe(2);
    log.record(entry("a", 4));
    state.down = false;
    await log.flush(db, 5);
    expect(written.map((list) => list.map((e) => e.receivedAt.getTime()))).toEqual([[1, 2, 4]]);
    expect(counted).toEqual([{ sourceId: "a", hour: 0, status: 401, count: 3 }]);
  });
});
