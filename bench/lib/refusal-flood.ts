import { createHmac, randomUUID } from "node:crypto";
import type { Db } from "../../lib/db/client";
import { MISS_REFRESH_MS } from "../../lib/inbound/source-cache";
import type { Child } from "./processes";
import { runLoad, type LoadResult } from "./load";
import { median, percentile, sleep } from "./stats";

export interface FloodFigures {
  quietP50Ms: number;
  floodP50Ms: number;
  quietP99Ms: number;
  floodP99Ms: number;
  /** Good events' median while as many requests flood /api/ping, the cheapest route: what any flood costs. */
  pingFloodP50Ms: number;
  /** Good events sent while the flood lasted. */
  goodDuringFlood: number;
  flood: LoadResult;
  /** Refusals the server counted for the flood, read back from the database. */
  refusalsCounted: number;
}

const SECRET = "bench-github-secret-0123456789";
/** Good senders, and as many bad ones: the flood is as wide as the traffic it tries to crowd out. */
const CONCURRENCY = 4;
const QUIET_EVENTS = 150;

/** A GitHub push as GitHub signs it, with a fresh delivery id: every one a new event. */
function goodRequest(): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ ref: "refs/heads/main", after: randomUUID(), repository: { id: 1, full_name: "hookrelay/bench" } });
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": "push",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
    },
  };
}

/** Good events, CONCURRENCY at a time, until `count` are sent or `until` settles; each one's latency. */
async function goodEvents(url: string, count: number, until?: Promise<unknown>): Promise<number[]> {
  let done = until === undefined;
  void until?.then(() => (done = true));
  const latencies: number[] = [];
  let sent = 0;
  const worker = async () => {
    while (until ? !done : sent < count) {
      sent++;
      const { body, headers } = goodRequest();
      const started = performance.now();
      const res = await fetch(`${url}/api/webhook/bench-github`, { method: "POST", headers, body });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`a good event was answered ${res.status}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

/**
 * Good events' latency while badly signed requests arrive as fast as CONCURRENCY senders can
 * send them, against the same good events on the quiet server just before and just after,
 * all in one run on one server (before and after, so load from elsewhere on the machine
 * weighs on both sides). Refusals are logged off the request path; if logging them cost a
 * database write each, the good events' median would show it.
 */
export async function measureRefusalFlood(server: Child, db: Db, s: { floodRequests: number; log(line: string): void }): Promise<FloodFigures> {
  const source = await db.prisma.inboundSource.create({ data: { name: "bench-github", provider: "github", secret: SECRET } });
  // Made here, not through the server, so the server finds it once its snapshot of the
  // sources is old enough to be read again on a miss, as it would a source another instance made.
  await sleep(MISS_REFRESH_MS + 50);
  await goodEvents(server.url, 100);
  const before = await goodEvents(server.url, QUIET_EVENTS);

  const badBody = JSON.stringify({ ref: "refs/heads/main", forged: true });
  const flood = runLoad({
    url: server.url,
    path: "/api/webhook/bench-github",
    connections: CONCURRENCY,
    amount: s.floodRequests,
    headers: { "x-github-event": "push", "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
    body: () => badBody,
  });
  const during = await goodEvents(server.url, 0, flood);
  const floodResult = await flood;
  const quiet = [...before, ...(await goodEvents(server.url, QUIET_EVENTS))];
  const pings = runLoad({ url: server.url, path: "/api/ping", connections: CONCURRENCY, amount: s.floodRequests, body: () => badBody });
  const duringPings = await goodEvents(server.url, 0, pings);
  await pings;
  if ((floodResult.statuses["401"] ?? 0) !== s.floodRequests) s.log(`  warning: the flood was answered ${JSON.stringify(floodResult.statuses)}`);

  // The log is written about once a second: wait for the counts to arrive.
  let refusalsCounted = 0;
  for (let i = 0; i < 40 && refusalsCounted < s.floodRequests; i++) {
    await sleep(250);
    const sum = await db.prisma.inboundRefusalCount.aggregate({ where: { sourceId: source.id }, _sum: { count: true } });
    refusalsCounted = sum._sum.count ?? 0;
  }
  return {
    quietP50Ms: median(quiet),
    floodP50Ms: median(during),
    quietP99Ms: percentile(quiet, 0.99),
    floodP99Ms: percentile(during, 0.99),
    pingFloodP50Ms: median(duringPings),
    goodDuringFlood: during.length,
    flood: floodResult,
    refusalsCounted,
  };
}
