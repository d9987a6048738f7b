// Races with a handler slow enough that duplicates overlap the first run, on one and on two
// "instances" (memory tiers) over one database: the pipeline itself, with in-process
// handlers. The same race through `next start` is in keys.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { HandlerRegistry } from "@/lib/inbound/handlers";
import { REPLAY_HEADER } from "@/lib/http/headers";
import { testProviders, useTestDatabase } from "../../support/databases";
import { makeDeps, resetInbound, send, sleep, type Reply, type TestDeps } from "./helpers";

const CONCURRENT = 50;

/** Every answer must be one a provider can act on correctly: done, done before, or come back later. Returns how many were told to come back. */
function checkAnswers(replies: Reply[]): number {
  const processed = replies.filter((r) => r.status === 200 && r.headers[REPLAY_HEADER] === undefined);
  const replayed = replies.filter((r) => r.status === 200 && r.headers[REPLAY_HEADER] === "true");
  const inProgress = replies.filter((r) => r.status === 409);
  expect(processed.length + replayed.length + inProgress.length).toBe(CONCURRENT);
  expect(processed).toHaveLength(1);
  expect(processed[0].json.status).toBe("processed");
  for (const r of replayed) expect(r.json).toEqual(processed[0].json);
  for (const r of inProgress) {
    expect(r.json).toMatchObject({ error: { code: "in_progress" } });
    expect(Number(r.headers["Retry-After"])).toBeGreaterThanOrEqual(1);
  }
  return inProgress.length;
}

describe.each(testProviders())(`one event posted ${CONCURRENT} times at once on %s`, (provider) => {
  const t = useTestDatabase(provider);
  let runs = 0;
  let registry: HandlerRegistry;

  beforeEach(async () => {
    await resetInbound(t.db);
    runs = 0;
    registry = new HandlerRegistry();
    registry.register("*", async () => {
      runs++;
      await sleep(100);
    });
  });

  async function expectOneRecord(id: string, instances: TestDeps[]): Promise<void> {
    for (const d of instances) await d.cache.flushHits(t.db);
    const records = await t.db.prisma.inboundEvent.findMany({ where: { idempotencyKey: id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: "processed", runs: 1, duplicateCount: CONCURRENT - 1 });
    expect(await t.db.prisma.message.count()).toBe(1);
  }

  it("runs the processor exactly once on one instance", async () => {
    const deps = makeDeps(t.db, { registry });
    const replies = await Promise.all(Array.from({ length: CONCURRENT }, () => send(deps, { id: "evt_race", type: "order.created" })));
    expect(runs).toBe(1);
    // The requests really overlapped the 100 ms run, so the in-progress path was taken.
    expect(checkAnswers(replies)).toBeGreaterThan(0);
    await expectOneRecord("evt_race", [deps]);
  });

  it("runs the processor exactly once across two instances sharing the database", async () => {
    const one = makeDeps(t.db, { registry });
    const two = makeDeps(t.db, { registry });
    const replies = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => send(i % 2 ? one : two, { id: "evt_race_2" })));
    expect(runs).toBe(1);
    expect(checkAnswers(replies)).toBeGreaterThan(0);
    await expectOneRecord("evt_race_2", [one, two]);
  });

  it("gives late duplicates the replay once the first has finished", async () => {
    const deps = makeDeps(t.db, { registry });
    const first = await send(deps, { id: "evt_race_3" });
    const replies = await Promise.all(Array.from({ length: CONCURRENT - 1 }, () => send(makeDeps(t.db, { registry }), { id: "evt_race_3" })));
    expect(checkAnswers([first, ...replies])).toBe(0);
    expect(replies.every((r) => r.headers[REPLAY_HEADER] === "true")).toBe(true);
    expect(runs).toBe(1);
    await expectOneRecord("evt_race_3", [deps]);
  });
});
