import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/retry/random";
import type { InboundAnswer } from "@/lib/inbound/receive-webhook";
import { testProviders, useTestDatabase } from "../../support/databases";
import { inboundDeps, postEvent, sleep } from "./support";

const TOTAL = 10_000;
const DUPLICATE_SHARE = 0.3;
const CONCURRENCY = 32;

describe.each(testProviders())("a burst of inbound events on %s", (provider) => {
  const t = useTestDatabase(provider);

  it(`${TOTAL} events with ${DUPLICATE_SHARE * 100} % duplicates over two instances: every unique event stored exactly once`, { timeout: 300_000 }, async () => {
    const random = seededRandom(7);
    const uniques = Math.round(TOTAL * (1 - DUPLICATE_SHARE));
    const ids = Array.from({ length: uniques }, (_, i) => `burst-${i}`);
    const sequence = [...ids, ...Array.from({ length: TOTAL - uniques }, () => ids[Math.floor(random() * uniques)])];
    for (let i = sequence.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [sequence[i], sequence[j]] = [sequence[j], sequence[i]];
    }
    // Two web instances on one database: separate memory tiers, so the database decides who is first.
    const instances = [inboundDeps(t.db), inboundDeps(t.db)];
    const answers: InboundAnswer[] = [];
    let next = 0;
    let retries = 0;
    const loop = async (lane: number) => {
      while (next < sequence.length) {
        const n = next++;
        const deps = instances[(n + lane) % 2];
        const body = { id: sequence[n], type: "burst.test", data: { n } };
        for (let tries = 0; ; tries++) {
          const a = await postEvent(deps, body);
          // 409: an earlier copy is being processed right now; the provider comes back.
          if (a.status === 409 && tries < 200) {
            retries++;
            await sleep(10);
            continue;
          }
          answers.push(a);
          break;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, lane) => loop(lane)));

    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ 200: TOTAL });
    const replayed = answers.filter((a) => a.headers["Idempotent-Replayed"] === "true").length;
    expect(replayed).toBe(TOTAL - uniques);

    const records = await t.db.prisma.inboundEvent.findMany({ where: { idempotencyKey: { startsWith: "burst-" } }, select: { idempotencyKey: true, status: true, messageId: true, runs: true } });
    expect(records).toHaveLength(uniques);
    expect(new Set(records.map((r) => r.idempotencyKey)).size).toBe(uniques);
    expect(records.every((r) => r.status === "processed" && r.runs === 1 && r.messageId)).toBe(true);
    // One message per event: the fan-out ran once for each.
    const messageIds = new Set(records.map((r) => r.messageId));
    expect(messageIds.size).toBe(uniques);
    expect(await t.db.prisma.message.count({ where: { idempotencyKey: { startsWith: "inbound:" } } })).toBe(uniques);
    // Every answer for one event carries the same record.
    const recordOf = new Map<string, string>();
    for (const a of answers) {
      const body = JSON.parse(a.body) as { id: string; idempotencyKey: string };
      const seen = recordOf.get(body.idempotencyKey);
      if (seen) expect(body.id).toBe(seen);
      else recordOf.set(body.idempotencyKey, body.id);
    }
    expect(recordOf.size).toBe(uniques);
    expect(retries).toBeLessThan(TOTAL);
  });
});
