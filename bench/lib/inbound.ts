import { treeCpuMs } from "./cpu";
import { collectGarbage } from "./inspector";
import type { Child } from "./processes";
import { treeRssMiB } from "./processes";
import { runLoad, type LoadOptions, type LoadResult } from "./load";
import { sleep } from "./stats";

export interface InboundSettings {
  connections: number;
  durationS: number;
  /** Distinct events the server has received when memory is read. */
  memoryEvents: number;
  /** The fill stops here even short of memoryEvents (a busy machine must not stretch the run). */
  memoryMaxSeconds: number;
  /** HOOKRELAY_DEDUPE_CACHE_SIZE of the server. */
  tierSize: number;
  log(line: string): void;
}

export interface MemoryFigures {
  distinctEvents: number;
  /** The size of the in-memory duplicate tier (as many entries as half the events: it fills up around the half). */
  tierSize: number;
  /**
   * RSS after a full garbage collection (inspector.ts): before the fill, once half the
   * events are in, and at the end. What the server keeps, which is what grows if it leaks;
   * without the collection, RSS mostly shows how much garbage V8 let pile up.
   */
  startMiB: number;
  halfMiB: number;
  afterMiB: number;
  /** Distinct events at the half reading. */
  halfEvents: number;
  /** RSS just before each of the two collections, under load. */
  halfUnderLoadMiB: number;
  afterUnderLoadMiB: number;
  /**
   * Growth per event from the half reading to the end, over the events of the last half:
   * afterMiB − halfMiB when the fill got there, projected when the time cap stopped it short;
   * null if it stopped before the half.
   */
  lastHalfGrowthMiB: number | null;
  /** False when the time cap stopped the fill short of the target. */
  reachedTarget: boolean;
  fillSeconds: number;
  /** RSS under load after each chunk of the fill: [distinct events, MiB]. */
  samples: [number, number][];
}

/** A load run with the CPU the server spent on it, per request answered 2xx, in µs. */
export type MeasuredLoad = LoadResult & { cpuUsPerRequest: number };

export interface InboundFigures {
  ping: MeasuredLoad;
  unique: MeasuredLoad;
  duplicates: MeasuredLoad;
  /** Absent when memory was not measured on this provider. */
  memory?: MemoryFigures;
}

/** A webhook body shaped like a payment provider's event: about 200 bytes. */
export function eventBody(id: string): string {
  return JSON.stringify({
    id,
    type: "invoice.paid",
    created: 1_764_000_000,
    data: { object: { id: `in_${id}`, amount_due: 4200, currency: "eur", customer: "cus_bench_0001", status: "paid" } },
  });
}

export class IdSource {
  private n = 0;
  constructor(private readonly prefix: string) {}
  next = (): string => this.at(this.n++);
  /** The id issued n-th (0-based). */
  at(n: number): string {
    return `${this.prefix}-${n}`;
  }
  get issued(): number {
    return this.n;
  }
}

function check(label: string, r: LoadResult, log: (line: string) => void): void {
  const bad = r.completed - r.ok + r.errors;
  if (bad > 0) log(`  warning: ${label}: ${bad} of ${r.completed + r.errors} requests were not answered 2xx ${JSON.stringify(r.statuses)}, errors ${r.errors}`);
}

/** Load spread over several servers at once (connections split evenly), with the CPU all of them spent. */
async function measuredLoad(servers: Child[], o: Omit<LoadOptions, "url">): Promise<MeasuredLoad> {
  const cpuBefore = servers.reduce((sum, s) => sum + treeCpuMs(s.pid), 0);
  const perServer = Math.max(1, Math.floor(o.connections / servers.length));
  const results = await Promise.all(servers.map((s) => runLoad({ ...o, url: s.url, connections: perServer })));
  const cpuMs = servers.reduce((sum, s) => sum + treeCpuMs(s.pid), 0) - cpuBefore;
  const sum = (f: (r: LoadResult) => number) => results.reduce((acc, r) => acc + f(r), 0);
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const ok = sum((r) => r.ok);
  return {
    rps: sum((r) => r.rps),
    completed: sum((r) => r.completed),
    ok,
    durationS: Math.max(...results.map((r) => r.durationS)),
    // Across servers the worst one's percentile: a conservative summary, not a merged histogram.
    p50Ms: Math.max(...results.map((r) => r.p50Ms)),
    p99Ms: Math.max(...results.map((r) => r.p99Ms)),
    statuses,
    errors: sum((r) => r.errors),
    replayed: sum((r) => r.replayed),
    cpuUsPerRequest: (cpuMs * 1000) / Math.max(1, ok),
  };
}

/**
 * Inbound figures on running servers (one, or several sharing a database): unique events
 * and duplicates on /api/webhook against /api/ping (same bodies, same connections), then
 * memory after many distinct events (one server only).
 */
export async function measureInbound(servers: Child[], s: InboundSettings): Promise<InboundFigures> {
  const ids = new IdSource(`bench-${Date.now().toString(36)}`);
  const common = { connections: s.connections };

  // Warm-up: JIT, connection pools, caches, on both routes.
  await measuredLoad(servers, { ...common, path: "/api/ping", durationS: 2, body: () => eventBody(ids.next()) });
  await measuredLoad(servers, { ...common, path: "/api/webhook", durationS: 3, body: () => eventBody(ids.next()) });

  const ping = await measuredLoad(servers, { ...common, path: "/api/ping", durationS: s.durationS, body: () => eventBody(`ping-${ids.next()}`) });
  check("ping", ping, s.log);
  const firstUnique = ids.issued;
  const unique = await measuredLoad(servers, { ...common, path: "/api/webhook", durationS: s.durationS, body: () => eventBody(ids.next()) });
  check("unique", unique, s.log);

  // Duplicates of events stored during the unique run: with one server the memory tier
  // answers; with several, a duplicate often reaches a server that did not see the original.
  const pool = Math.min(1_000, unique.ok);
  let d = 0;
  const duplicates = await measuredLoad(servers, {
    ...common,
    path: "/api/webhook",
    durationS: s.durationS,
    body: () => eventBody(ids.at(firstUnique + (d++ % pool))),
  });
  check("duplicates", duplicates, s.log);
  if (duplicates.replayed < duplicates.ok) s.log(`  warning: only ${duplicates.replayed} of ${duplicates.ok} duplicates were answered as replays`);

  if (s.memoryEvents <= 0 || servers.length !== 1) return { ping, unique, duplicates };
  return { ping, unique, duplicates, memory: await fillAndMeasure(servers[0], ids, s) };
}

const FILL_CHUNK = 5_000;

/**
 * RSS after two full collections, the second once the finalizers the first one queued had
 * run (every request leaves one, holding its abort signal until then), and a second for
 * the freed pages to go back.
 */
async function retainedMiB(server: Child): Promise<number> {
  if (server.inspectPort === undefined) throw new Error("memory is measured on a server started with the inspector on");
  await collectGarbage(server.inspectPort);
  await sleep(500);
  await collectGarbage(server.inspectPort);
  await sleep(1_000);
  return treeRssMiB(server.pid);
}

/**
 * Distinct events in chunks up to memoryEvents (or the time cap), RSS read after each
 * chunk, and retained RSS before the fill, at half the events and at the end. The tier fills
 * up around the half: from there a server that keeps nothing per event stays flat.
 */
async function fillAndMeasure(server: Child, ids: IdSource, s: InboundSettings): Promise<MemoryFigures> {
  const startMiB = await retainedMiB(server);
  const started = Date.now();
  const samples: [number, number][] = [];
  const fillTo = async (target: number) => {
    while (ids.issued < target && Date.now() - started < s.memoryMaxSeconds * 1000) {
      const amount = Math.min(FILL_CHUNK, target - ids.issued);
      const r = await runLoad({ url: server.url, connections: s.connections, path: "/api/webhook", amount, body: () => eventBody(ids.next()) });
      check(`fill to ${ids.issued}`, r, s.log);
      samples.push([ids.issued, treeRssMiB(server.pid)]);
    }
  };
  await fillTo(s.memoryEvents / 2);
  const halfEvents = ids.issued;
  const halfUnderLoadMiB = treeRssMiB(server.pid);
  const halfMiB = await retainedMiB(server);
  await fillTo(s.memoryEvents);
  const fillSeconds = (Date.now() - started) / 1000;
  const afterUnderLoadMiB = treeRssMiB(server.pid);
  const afterMiB = await retainedMiB(server);
  const reachedTarget = ids.issued >= s.memoryEvents;
  if (!reachedTarget) s.log(`  memory fill stopped by the ${s.memoryMaxSeconds} s cap at ${ids.issued} distinct events`);
  const pastHalf = ids.issued - halfEvents;
  return {
    distinctEvents: ids.issued,
    tierSize: s.tierSize,
    startMiB,
    halfMiB,
    afterMiB,
    halfEvents,
    halfUnderLoadMiB,
    afterUnderLoadMiB,
    lastHalfGrowthMiB: pastHalf > 0 ? ((afterMiB - halfMiB) / pastHalf) * (s.memoryEvents - halfEvents) : null,
    reachedTarget,
    fillSeconds,
    samples,
  };
}

/** The same load on a bare node:http server: the floor under any framework on this machine. */
export async function measureFloor(url: string, s: Pick<InboundSettings, "connections" | "durationS" | "log">): Promise<LoadResult> {
  const ids = new IdSource("floor");
  await runLoad({ url, connections: s.connections, path: "/api/webhook", durationS: 2, body: () => eventBody(ids.next()) });
  const r = await runLoad({ url, connections: s.connections, path: "/api/webhook", durationS: s.durationS, body: () => eventBody(ids.next()) });
  check("floor", r, s.log);
  return r;
}
