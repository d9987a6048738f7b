import type { Child } from "./processes";
import { treeRssMiB } from "./processes";
import { runLoad, type LoadResult } from "./load";
import { sleep } from "./stats";

export interface InboundSettings {
  connections: number;
  durationS: number;
  /** Distinct events the server has received when memory is read. */
  memoryEvents: number;
  /** The fill stops here even short of memoryEvents (a busy machine must not stretch the run). */
  memoryMaxSeconds: number;
  log(line: string): void;
}

export interface MemoryFigures {
  startupMiB: number;
  /** RSS after half of the distinct events (with 100 000, the default memory tier of 50 000 is full there). */
  halfwayMiB: number;
  afterMiB: number;
  distinctEvents: number;
  /** False when the time cap stopped the fill short of the target. */
  reachedTarget: boolean;
  fillSeconds: number;
  /** RSS after each chunk of the fill: [distinct events, MiB]. */
  samples: [number, number][];
}

export interface InboundFigures {
  ping: LoadResult;
  unique: LoadResult;
  duplicates: LoadResult;
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

/**
 * Inbound figures on one running server: unique events and duplicates on /api/webhook
 * against /api/ping (same bodies, same connections), then memory after many distinct events.
 */
export async function measureInbound(server: Child, s: InboundSettings): Promise<InboundFigures> {
  const ids = new IdSource(`bench-${Date.now().toString(36)}`);
  const common = { url: server.url, connections: s.connections };

  // Warm-up: JIT, connection pools, caches, on both routes.
  await runLoad({ ...common, path: "/api/ping", durationS: 2, body: () => eventBody(ids.next()) });
  await runLoad({ ...common, path: "/api/webhook", durationS: 3, body: () => eventBody(ids.next()) });
  await sleep(1_500);
  const startupMiB = treeRssMiB(server.pid);

  const ping = await runLoad({ ...common, path: "/api/ping", durationS: s.durationS, body: () => eventBody(`ping-${ids.next()}`) });
  check("ping", ping, s.log);
  const firstUnique = ids.issued;
  const unique = await runLoad({ ...common, path: "/api/webhook", durationS: s.durationS, body: () => eventBody(ids.next()) });
  check("unique", unique, s.log);

  // Duplicates of events stored during the unique run: answered by the memory tier.
  const pool = Math.min(1_000, unique.ok);
  let d = 0;
  const duplicates = await runLoad({
    ...common,
    path: "/api/webhook",
    durationS: s.durationS,
    body: () => eventBody(ids.at(firstUnique + (d++ % pool))),
  });
  check("duplicates", duplicates, s.log);
  if (duplicates.replayed < duplicates.ok) s.log(`  warning: only ${duplicates.replayed} of ${duplicates.ok} duplicates were answered as replays`);

  if (s.memoryEvents <= 0) return { ping, unique, duplicates };
  return { ping, unique, duplicates, memory: await fillAndMeasure(server, ids, s, startupMiB) };
}

const FILL_CHUNK = 5_000;

/** Distinct events in chunks up to memoryEvents (or the time cap), RSS read after each chunk. */
async function fillAndMeasure(server: Child, ids: IdSource, s: InboundSettings, startupMiB: number): Promise<MemoryFigures> {
  const started = Date.now();
  const samples: [number, number][] = [];
  while (ids.issued < s.memoryEvents && Date.now() - started < s.memoryMaxSeconds * 1000) {
    const amount = Math.min(FILL_CHUNK, s.memoryEvents - ids.issued);
    const r = await runLoad({ url: server.url, connections: s.connections, path: "/api/webhook", amount, body: () => eventBody(ids.next()) });
    check(`fill to ${ids.issued}`, r, s.log);
    samples.push([ids.issued, treeRssMiB(server.pid)]);
  }
  await sleep(1_500);
  const afterMiB = treeRssMiB(server.pid);
  const half = ids.issued / 2;
  const halfway = samples.reduce((best, x) => (Math.abs(x[0] - half) < Math.abs(best[0] - half) ? x : best), samples[0] ?? [0, startupMiB]);
  if (ids.issued < s.memoryEvents) s.log(`  memory fill stopped by the ${s.memoryMaxSeconds} s cap at ${ids.issued} distinct events`);
  return { startupMiB, halfwayMiB: halfway[1], afterMiB, distinctEvents: ids.issued, reachedTarget: ids.issued >= s.memoryEvents, fillSeconds: (Date.now() - started) / 1000, samples };
}

/** The same load on a bare node:http server: the floor under any framework on this machine. */
export async function measureFloor(url: string, s: Pick<InboundSettings, "connections" | "durationS" | "log">): Promise<LoadResult> {
  const ids = new IdSource("floor");
  await runLoad({ url, connections: s.connections, path: "/api/webhook", durationS: 2, body: () => eventBody(ids.next()) });
  const r = await runLoad({ url, connections: s.connections, path: "/api/webhook", durationS: s.durationS, body: () => eventBody(ids.next()) });
  check("floor", r, s.log);
  return r;
}
