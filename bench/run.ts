// `npm run bench`: Hookrelay's speed and memory figures, each beside a baseline measured in
// the same run on the same machine, printed as a table and written to
// bench/results/latest.json. Everything runs on 127.0.0.1 and is bounded in count and time.
//
//   npm run bench -- --providers sqlite,postgresql --memory-on sqlite --memory-events 100000
//
// PostgreSQL: BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/test
// (an admin URL: the bench creates and drops a scratch database of its own).
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

process.env.LOG_LEVEL ??= "warn";

const { values: args } = parseArgs({
  options: {
    providers: { type: "string", default: "sqlite,postgresql" },
    "memory-on": { type: "string", default: "sqlite" },
    "memory-events": { type: "string", default: "100000" },
    "memory-max-seconds": { type: "string", default: "480" },
    // Two web instances and two workers sharing one database: where several instances are a deployment.
    "scale-on": { type: "string", default: "postgresql" },
    "claim-rows": { type: "string", default: "20000" },
    "duration": { type: "string", default: "5" },
    "connections": { type: "string", default: "32" },
    "deliveries": { type: "string", default: "10000" },
    "queued-retries": { type: "string", default: "5000" },
    "sim-deliveries": { type: "string", default: "100000" },
    "flood-requests": { type: "string", default: "1000" },
    // The search box with this many deliveries stored, beside the same searches at the baseline size.
    "search-on": { type: "string", default: "sqlite,postgresql" },
    "search-deliveries": { type: "string", default: "1000000" },
    "search-baseline-deliveries": { type: "string", default: "10000" },
    "skip-build": { type: "boolean", default: false },
    out: { type: "string", default: "bench/results/latest.json" },
  },
});

type Provider = "sqlite" | "postgresql";

const { createScratchDb, DEFAULT_POSTGRES_ADMIN_URL } = await import("../scripts/lib/scratch-db");
const { migrate } = await import("../lib/db/migrate");
const { connect } = await import("../lib/db/client");
const { bootstrap } = await import("../lib/db/bootstrap");
const { loadConfig } = await import("../lib/config");
const { buildApp, startNext, startPlain, ROOT } = await import("./lib/processes");
const { measureInbound, measureFloor } = await import("./lib/inbound");
const { measureThroughput, measureLateness } = await import("./lib/delivery");
const { measureClaim } = await import("./lib/claim");
const { measureSimulator } = await import("./lib/simulator");
const { measureRefusalFlood } = await import("./lib/refusal-flood");
const { measureSearch } = await import("./lib/search");
const { renderTable, machine, writeResults } = await import("./lib/report");
type Row = import("./lib/report").Row;

const started = Date.now();
// The 1-minute load average beside each line: other work on the machine shows in the figures.
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s, load ${os.loadavg()[0].toFixed(1)}] ${line}`);
const providers = args.providers.split(",").map((p) => p.trim()).filter(Boolean) as Provider[];
const memoryOn = new Set(args["memory-on"].split(",").map((p) => p.trim()));
const scaleOn = new Set(args["scale-on"].split(",").map((p) => p.trim()));
const searchOn = new Set(args["search-on"].split(",").map((p) => p.trim()));
const connections = Number(args.connections);
const durationS = Number(args.duration);
const memoryEvents = Number(args["memory-events"]);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_ADMIN_URL;
// The worker runs with the product's defaults, as `npm start` would.
const defaults = loadConfig({} as NodeJS.ProcessEnv);
const workerSettings = { concurrency: defaults.HOOKRELAY_WORKER_CONCURRENCY, pollMs: defaults.HOOKRELAY_WORKER_POLL_MS };

const rows: Row[] = [];
const raw: Record<string, unknown> = {};
const problems: string[] = [];

function ratioRow(r: Omit<Row, "ratio" | "met">, min: number | null, kind: "atLeast" | "info" = "atLeast"): Row {
  const ratio = r.value / r.baseline;
  return { ...r, ratio, met: kind === "info" || min === null ? null : ratio >= min };
}

type InboundFigures = import("./lib/inbound").InboundFigures;
type MemoryFigures = import("./lib/inbound").MemoryFigures;

function inboundRows(provider: Provider, label: string, f: InboundFigures): void {
  const { ping, unique, duplicates } = f;
  log(`  ping ${ping.rps.toFixed(0)}/s, unique ${unique.rps.toFixed(0)}/s (${unique.cpuUsPerRequest.toFixed(0)} µs CPU each), duplicates ${duplicates.rps.toFixed(0)}/s (${duplicates.replayed} replayed)`);
  const one = label === "";
  rows.push(
    ratioRow({ figure: `inbound unique events/s${label}`, provider, value: unique.rps, unit: "/s", baselineLabel: "/api/ping", baseline: ping.rps, target: one ? "≥ 0.7 × /api/ping" : "" }, one ? 0.7 : null, one ? "atLeast" : "info"),
    ratioRow({ figure: `  CPU per unique event${label}`, provider, value: unique.cpuUsPerRequest, unit: "µs", baselineLabel: "per /api/ping", baseline: ping.cpuUsPerRequest, target: "" }, null, "info"),
    ratioRow({ figure: `  inbound unique p50 latency${label}`, provider, value: unique.p50Ms, unit: "ms", baselineLabel: "/api/ping", baseline: ping.p50Ms, target: "" }, null, "info"),
    ratioRow({ figure: `  inbound unique p99 latency${label}`, provider, value: unique.p99Ms, unit: "ms", baselineLabel: "/api/ping", baseline: ping.p99Ms, target: "" }, null, "info"),
    ratioRow({ figure: `inbound duplicates/s${label}`, provider, value: duplicates.rps, unit: "/s", baselineLabel: "/api/ping", baseline: ping.rps, target: one ? "≥ 0.9 × /api/ping" : "" }, one ? 0.9 : null, one ? "atLeast" : "info"),
    ratioRow({ figure: `  CPU per duplicate${label}`, provider, value: duplicates.cpuUsPerRequest, unit: "µs", baselineLabel: "per /api/ping", baseline: ping.cpuUsPerRequest, target: "" }, null, "info"),
  );
  if (one) rows.push(ratioRow({ figure: "  /api/ping vs node:http floor", provider, value: ping.rps, unit: "/s", baselineLabel: "node:http", baseline: floor.rps, target: "" }, null, "info"));
}

const MEMORY_GROWTH_LIMIT_MIB = 20;

function memoryRow(provider: Provider, m: MemoryFigures): void {
  const growth = m.lastHalfGrowthMiB;
  log(`  memory after a full collection: ${m.startMiB.toFixed(0)} MiB before the fill, ${m.halfMiB.toFixed(0)} MiB at ${m.halfEvents.toLocaleString("en")} events, ${m.afterMiB.toFixed(0)} MiB at ${m.distinctEvents.toLocaleString("en")}; under load ${m.halfUnderLoadMiB.toFixed(0)} and ${m.afterUnderLoadMiB.toFixed(0)} MiB`);
  rows.push({
    figure: `server RSS growth over the last ${(memoryEvents / 2).toLocaleString("en")} of ${memoryEvents.toLocaleString("en")} events`,
    provider,
    value: growth ?? Number.NaN,
    unit: "MiB",
    baselineLabel: "RSS before the fill",
    baseline: m.startMiB,
    ratio: (growth ?? Number.NaN) / m.startMiB,
    target: `≤ ${MEMORY_GROWTH_LIMIT_MIB} MiB`,
    met: growth === null ? null : growth <= MEMORY_GROWTH_LIMIT_MIB,
    note: `RSS after a full collection: ${m.halfMiB.toFixed(0)} MiB at ${m.halfEvents.toLocaleString("en")} events, ${m.afterMiB.toFixed(0)} MiB at ${m.distinctEvents.toLocaleString("en")} (memory tier ${m.tierSize.toLocaleString("en")}); under load, before each collection, ${m.halfUnderLoadMiB.toFixed(0)} and ${m.afterUnderLoadMiB.toFixed(0)} MiB; fill ${m.fillSeconds.toFixed(0)} s${m.reachedTarget ? "" : growth === null ? " (stopped by the time cap before half the events: no verdict)" : " (stopped by the time cap: the growth per event, projected)"}`,
  });
}

if (!args["skip-build"]) {
  log("building the app into .next-bench");
  buildApp(log);
}

log("node:http floor");
const floorServer = await startPlain("floor");
let floor: import("./lib/load").LoadResult;
try {
  floor = await measureFloor(floorServer.url, { connections, durationS, log });
} finally {
  await floorServer.stop();
}
raw.floor = floor;
log(`  floor: ${floor.rps.toFixed(0)} req/s, p50 ${floor.p50Ms} ms, p99 ${floor.p99Ms} ms`);

log(`simulator: ${args["sim-deliveries"]} deliveries`);
const sim = measureSimulator(Number(args["sim-deliveries"]));
raw.simulator = sim;
rows.push({
  figure: `simulator, ${sim.deliveries.toLocaleString("en")} deliveries`,
  provider: "-",
  value: sim.ms,
  unit: "ms",
  baselineLabel: `${(sim.draws / 1e6).toFixed(2)} M seeded draws`,
  baseline: sim.drawsMs,
  ratio: sim.ms / sim.drawsMs,
  target: "< 1000 ms",
  met: sim.ms < 1000,
});

for (const provider of providers) {
  let scratch;
  try {
    scratch = await createScratchDb(provider, adminUrl);
  } catch (err) {
    problems.push(`${provider}: skipped, no database (${(err as Error).message})`);
    log(`${provider}: skipped (${(err as Error).message})`);
    continue;
  }
  try {
    await migrate(scratch.url);
    {
      const db = await connect(scratch.url);
      await bootstrap(db);
      await db.close();
    }

    log(`${provider}: inbound on next start (worker off)`);
    const server = await startNext(scratch.url, {}, { inspect: memoryOn.has(provider) });
    let inbound;
    let flood;
    try {
      inbound = await measureInbound([server], {
        connections,
        durationS,
        memoryEvents: memoryOn.has(provider) ? memoryEvents : 0,
        memoryMaxSeconds: Number(args["memory-max-seconds"]),
        tierSize: defaults.HOOKRELAY_DEDUPE_CACHE_SIZE,
        log,
      });
      log(`${provider}: good events during a flood of ${args["flood-requests"]} badly signed requests`);
      const floodDb = await connect(scratch.url);
      try {
        flood = await measureRefusalFlood(server, floodDb, { floodRequests: Number(args["flood-requests"]), log });
      } finally {
        await floodDb.close();
      }
    } finally {
      await server.stop();
    }
    raw[`${provider}.refusalFlood`] = flood;
    log(`  good p50 quiet ${flood.quietP50Ms.toFixed(1)} ms, during the flood ${flood.floodP50Ms.toFixed(1)} ms (${flood.goodDuringFlood} good events); ${flood.refusalsCounted} refusals counted`);
    rows.push({
      figure: `good events p50 during ${flood.flood.completed} bad signatures`,
      provider,
      value: flood.floodP50Ms,
      unit: "ms",
      baselineLabel: "quiet, before and after",
      baseline: flood.quietP50Ms,
      ratio: flood.floodP50Ms / flood.quietP50Ms,
      target: "≤ 2 × quiet",
      met: flood.floodP50Ms <= 2 * flood.quietP50Ms,
      note: `4 good senders against 4 bad ones; p50 ${flood.pingFloodP50Ms.toFixed(1)} ms during as many requests to /api/ping (what any flood of that size costs); p99 ${flood.floodP99Ms.toFixed(1)} ms vs ${flood.quietP99Ms.toFixed(1)} ms quiet; ${flood.goodDuringFlood} good events during the flood; ${flood.refusalsCounted} of ${flood.flood.completed} refusals counted in the log`,
    });
    raw[`${provider}.inbound`] = inbound;
    inboundRows(provider, "", inbound);
    if (inbound.memory) memoryRow(provider, inbound.memory);

    if (scaleOn.has(provider)) {
      log(`${provider}: inbound on two next start instances sharing the database`);
      const pair = [await startNext(scratch.url), await startNext(scratch.url)];
      try {
        const two = await measureInbound(pair, { connections, durationS, memoryEvents: 0, memoryMaxSeconds: 0, tierSize: defaults.HOOKRELAY_DEDUPE_CACHE_SIZE, log });
        raw[`${provider}.inbound.2-instances`] = two;
        inboundRows(provider, " (2 instances)", two);
      } finally {
        for (const p of pair) await p.stop();
      }
    }

    const db = await connect(scratch.url);
    const receiver = await startPlain("receiver");
    try {
      log(`${provider}: claim with ${args["claim-rows"]} deliveries due`);
      const claim = await measureClaim(db, Number(args["claim-rows"]));
      raw[`${provider}.claim`] = claim;
      const roundTrip = claim.roundTripP50Ms === null ? "" : `; SELECT 1 on the claim's session ${claim.roundTripP50Ms.toFixed(2)} ms`;
      log(`  claim p50 ${claim.p50Ms.toFixed(2)} ms, p95 ${claim.p95Ms.toFixed(2)} ms; on a short queue ${claim.shortQueueP50Ms.toFixed(2)} ms${roundTrip}`);
      rows.push({
        figure: `claim of ${claim.batch} with ${claim.dueRows.toLocaleString("en")} due (p50)`,
        provider,
        value: claim.p50Ms,
        unit: "ms",
        baselineLabel: `the same claims with ${(claim.claims * claim.batch).toLocaleString("en")} due`,
        baseline: claim.shortQueueP50Ms,
        ratio: claim.p50Ms / claim.shortQueueP50Ms,
        target: "< 1 ms",
        met: claim.p50Ms < 1,
        note: `p95 ${claim.p95Ms.toFixed(2)} ms over ${claim.claims} claims${roundTrip}`,
      });

      for (const workers of scaleOn.has(provider) ? [1, 2] : [1]) {
        log(`${provider}: ${workers} worker process(es) delivering to a fast receiver`);
        const tp = await measureThroughput(db, { databaseUrl: scratch.url, receiverUrl: receiver.url, count: Number(args.deliveries), workers, settings: workerSettings });
        raw[`${provider}.deliveries.${workers}-workers`] = tp;
        log(`  ${tp.workerPerSecond.toFixed(0)}/s (${tp.workerCpuUsPerDelivery.toFixed(0)} µs CPU each), plain undici loop ${tp.baselinePerSecond.toFixed(0)}/s (${tp.baselineCpuUsPerRequest.toFixed(0)} µs)`);
        rows.push(
          ratioRow(
            { figure: `deliveries/s, ${workers} worker${workers > 1 ? "s" : ""} (concurrency ${workerSettings.concurrency})`, provider, value: tp.workerPerSecond, unit: "/s", baselineLabel: "plain undici loop", baseline: tp.baselinePerSecond, target: workers === 1 ? "≥ 0.5 × plain loop" : "" },
            workers === 1 ? 0.5 : null,
            workers === 1 ? "atLeast" : "info",
          ),
          ratioRow({ figure: `  CPU per delivery, ${workers} worker${workers > 1 ? "s" : ""}`, provider, value: tp.workerCpuUsPerDelivery, unit: "µs", baselineLabel: "plain loop per request", baseline: tp.baselineCpuUsPerRequest, target: "" }, null, "info"),
        );
      }
      const oneWorker = raw[`${provider}.deliveries.1-workers`] as { workerPerSecond: number };
      const rate = Math.min(400, Math.max(20, Math.round(oneWorker.workerPerSecond / 2)));
      log(`${provider}: retry lateness (${args["queued-retries"]} queued, ${rate}/s coming due)`);
      const late = await measureLateness(db, scratch.url, receiver.url, { ...workerSettings, queued: Number(args["queued-retries"]), ratePerSecond: rate, windowMs: 8_000 });
      raw[`${provider}.lateness`] = late;
      log(`  lateness p50 ${late.p50Ms} ms, p99 ${late.p99Ms} ms (timers: p50 ${late.baselineP50Ms} ms, p99 ${late.baselineP99Ms} ms)`);
      const note = `${late.queued} retries queued, ${late.measured} came due at ${late.ratePerSecond}/s (half the measured capacity); max ${late.maxMs} ms`;
      rows.push(
        { figure: "retry lateness p50", provider, value: late.p50Ms, unit: "ms", baselineLabel: "setTimeout", baseline: late.baselineP50Ms, ratio: late.p50Ms / Math.max(1, late.baselineP50Ms), target: "", met: null, note },
        { figure: "retry lateness p99", provider, value: late.p99Ms, unit: "ms", baselineLabel: "setTimeout", baseline: late.baselineP99Ms, ratio: late.p99Ms / Math.max(1, late.baselineP99Ms), target: "≤ 250 ms", met: late.p99Ms <= 250, note },
      );
    } finally {
      await receiver.stop();
      await db.close();
    }
  } catch (err) {
    problems.push(`${provider}: ${(err as Error).stack ?? String(err)}`);
    log(`${provider}: FAILED: ${(err as Error).message}`);
  } finally {
    await scratch.drop().catch(() => undefined);
  }
}

const SEARCH_P95_LIMIT_MS = 100;

for (const provider of providers.filter((p) => searchOn.has(p))) {
  const [small, large] = [Number(args["search-baseline-deliveries"]), Number(args["search-deliveries"])];
  log(`${provider}: search at ${small.toLocaleString("en")} and ${large.toLocaleString("en")} deliveries`);
  let scratch;
  try {
    scratch = await createScratchDb(provider, adminUrl);
  } catch (err) {
    problems.push(`${provider} search: skipped, no database (${(err as Error).message})`);
    continue;
  }
  try {
    await migrate(scratch.url);
    const db = await connect(scratch.url);
    try {
      await bootstrap(db);
      const figures = await measureSearch(db, scratch.url, small, large, log);
      raw[`${provider}.search`] = figures;
      for (const [kind, [atSmall, atLarge]] of Object.entries(figures.queries)) {
        log(`  ${kind}: p95 ${atSmall.p95Ms.toFixed(1)} ms at ${small.toLocaleString("en")}, ${atLarge.p95Ms.toFixed(1)} ms at ${large.toLocaleString("en")}`);
        rows.push({
          figure: `search p95, ${kind}`,
          provider,
          value: atLarge.p95Ms,
          unit: "ms",
          baselineLabel: `same search, ${small.toLocaleString("en")} deliveries`,
          baseline: atSmall.p95Ms,
          ratio: atLarge.p95Ms / atSmall.p95Ms,
          target: `< ${SEARCH_P95_LIMIT_MS} ms at ${(large / 1e6).toLocaleString("en")} M`,
          met: atLarge.p95Ms < SEARCH_P95_LIMIT_MS,
          note: `p50 ${atLarge.p50Ms.toFixed(1)} ms at ${large.toLocaleString("en")} deliveries (${atSmall.p50Ms.toFixed(1)} ms at ${small.toLocaleString("en")}); ${atLarge.hits} hits`,
        });
      }
      if (figures.indexUsPerRow !== null) log(`  indexing queued payloads: ${figures.indexUsPerRow.toFixed(1)} µs per row`);
    } finally {
      await db.close();
    }
  } catch (err) {
    problems.push(`${provider} search: ${(err as Error).stack ?? String(err)}`);
    log(`${provider} search: FAILED: ${(err as Error).message}`);
  } finally {
    await scratch.drop().catch(() => undefined);
  }
}

const table = renderTable(rows);
console.log(`\n${table}\n`);
for (const r of rows.filter((r) => r.note)) console.log(`- ${r.figure.trim()} (${r.provider}): ${r.note}`);
if (!memoryOn.has("postgresql")) console.log("- memory is measured on SQLite only by default (the memory tier is process memory, the same on both); add --memory-on sqlite,postgresql for both");
console.log("- ratio = value / baseline; for latency and memory rows, higher means more than the baseline");
for (const p of problems) console.log(`! ${p}`);

const out = path.resolve(ROOT, args.out);
writeResults(out, {
  generatedAt: new Date().toISOString(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  machine: { ...machine(), loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
  settings: { providers, memoryOn: [...memoryOn], scaleOn: [...scaleOn], memoryEvents, connections, durationS, worker: workerSettings, deliveries: Number(args.deliveries), queuedRetries: Number(args["queued-retries"]), claimRows: Number(args["claim-rows"]), search: { on: [...searchOn], deliveries: Number(args["search-deliveries"]), baselineDeliveries: Number(args["search-baseline-deliveries"]) } },
  rows,
  raw,
  problems,
});
console.log(`wrote ${path.relative(ROOT, out)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(problems.length ? 1 : 0);
