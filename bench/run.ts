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
    "memory-max-seconds": { type: "string", default: "180" },
    "duration": { type: "string", default: "5" },
    "connections": { type: "string", default: "32" },
    "deliveries": { type: "string", default: "2000" },
    "queued-retries": { type: "string", default: "5000" },
    "sim-deliveries": { type: "string", default: "100000" },
    "flood-requests": { type: "string", default: "1000" },
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
const { measureSimulator } = await import("./lib/simulator");
const { measureRefusalFlood } = await import("./lib/refusal-flood");
const { renderTable, machine, writeResults } = await import("./lib/report");
type Row = import("./lib/report").Row;

const started = Date.now();
// The 1-minute load average beside each line: other work on the machine shows in the figures.
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s, load ${os.loadavg()[0].toFixed(1)}] ${line}`);
const providers = args.providers.split(",").map((p) => p.trim()).filter(Boolean) as Provider[];
const memoryOn = new Set(args["memory-on"].split(",").map((p) => p.trim()));
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

if (!args["skip-build"]) {
  log("building the app into .next-bench");
  buildApp(log);
}

log("node:http floor");
const floorServer = await startPlain("floor");
let floor;
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
    const server = await startNext(scratch.url);
    let inbound;
    let flood;
    try {
      inbound = await measureInbound(server, { connections, durationS, memoryEvents: memoryOn.has(provider) ? memoryEvents : 0, memoryMaxSeconds: Number(args["memory-max-seconds"]), log });
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
    const { ping, unique, duplicates, memory } = inbound;
    log(`  ping ${ping.rps.toFixed(0)}/s, unique ${unique.rps.toFixed(0)}/s, duplicates ${duplicates.rps.toFixed(0)}/s (${duplicates.replayed} replayed)`);
    rows.push(
      ratioRow({ figure: "inbound unique events/s", provider, value: unique.rps, unit: "/s", baselineLabel: "/api/ping", baseline: ping.rps, target: "≥ 0.5 × /api/ping" }, 0.5),
      ratioRow({ figure: "  /api/ping vs node:http floor", provider, value: ping.rps, unit: "/s", baselineLabel: "node:http", baseline: floor.rps, target: "" }, null, "info"),
      ratioRow({ figure: "  inbound unique p50 latency", provider, value: unique.p50Ms, unit: "ms", baselineLabel: `/api/ping (floor ${floor.p50Ms} ms)`, baseline: ping.p50Ms, target: "" }, null, "info"),
      ratioRow({ figure: "  inbound unique p99 latency", provider, value: unique.p99Ms, unit: "ms", baselineLabel: `/api/ping (floor ${floor.p99Ms} ms)`, baseline: ping.p99Ms, target: "" }, null, "info"),
      ratioRow({ figure: "inbound duplicates/s (memory tier)", provider, value: duplicates.rps, unit: "/s", baselineLabel: "/api/ping", baseline: ping.rps, target: "≥ 0.8 × /api/ping" }, 0.8),
      ratioRow({ figure: "  inbound duplicates p99 latency", provider, value: duplicates.p99Ms, unit: "ms", baselineLabel: "/api/ping", baseline: ping.p99Ms, target: "" }, null, "info"),
    );
    if (memory) {
      const firstHalf = memory.halfwayMiB - memory.startupMiB;
      const secondHalf = memory.afterMiB - memory.halfwayMiB;
      const allowance = Math.max(0.5 * firstHalf, 32);
      rows.push({
        figure: `server RSS after ${memory.distinctEvents.toLocaleString("en")} distinct events`,
        provider,
        value: memory.afterMiB,
        unit: "MiB",
        baselineLabel: "after start-up + warm-up",
        baseline: memory.startupMiB,
        ratio: memory.afterMiB / memory.startupMiB,
        target: `plateau: 2nd half grows ≤ max(½ × 1st half, 32 MiB), after ${memoryEvents.toLocaleString("en")} events`,
        // Short of the target the memory tier (50 000 by default) may not even be full: no verdict.
        met: memory.reachedTarget ? secondHalf <= allowance : null,
        note: `RSS at halfway ${memory.halfwayMiB.toFixed(0)} MiB; first half +${firstHalf.toFixed(0)} MiB, second half +${secondHalf.toFixed(0)} MiB; fill took ${memory.fillSeconds.toFixed(0)} s${memory.reachedTarget ? "" : ` and was stopped by the time cap short of ${memoryEvents.toLocaleString("en")} events`}`,
      });
      log(`  memory: start ${memory.startupMiB.toFixed(0)} MiB, halfway ${memory.halfwayMiB.toFixed(0)} MiB, after ${memory.afterMiB.toFixed(0)} MiB`);
    }

    log(`${provider}: worker deliveries to a fast receiver`);
    const receiver = await startPlain("receiver");
    const db = await connect(scratch.url);
    try {
      const tp = await measureThroughput(db, receiver.url, Number(args.deliveries), workerSettings);
      raw[`${provider}.deliveries`] = tp;
      log(`  worker ${tp.workerPerSecond.toFixed(0)}/s, plain undici loop ${tp.baselinePerSecond.toFixed(0)}/s`);
      rows.push(
        ratioRow(
          { figure: `deliveries/s (concurrency ${workerSettings.concurrency})`, provider, value: tp.workerPerSecond, unit: "/s", baselineLabel: "plain undici loop", baseline: tp.baselinePerSecond, target: "≥ 0.5 × plain loop" },
          0.5,
        ),
      );
      const rate = Math.min(400, Math.max(20, Math.round(tp.workerPerSecond / 2)));
      log(`${provider}: retry lateness (${args["queued-retries"]} queued, ${rate}/s coming due)`);
      const late = await measureLateness(db, receiver.url, { ...workerSettings, queued: Number(args["queued-retries"]), ratePerSecond: rate, windowMs: 8_000 });
      raw[`${provider}.lateness`] = late;
      log(`  lateness p50 ${late.p50Ms} ms, p99 ${late.p99Ms} ms (timers: p50 ${late.baselineP50Ms} ms, p99 ${late.baselineP99Ms} ms)`);
      const note = `${late.queued} retries queued, ${late.measured} came due at ${late.ratePerSecond}/s (half the measured capacity); max ${late.maxMs} ms`;
      rows.push(
        { figure: "retry lateness p50", provider, value: late.p50Ms, unit: "ms", baselineLabel: "setTimeout", baseline: late.baselineP50Ms, ratio: late.p50Ms / Math.max(1, late.baselineP50Ms), target: "", met: null, note },
        { figure: "retry lateness p99", provider, value: late.p99Ms, unit: "ms", baselineLabel: "setTimeout", baseline: late.baselineP99Ms, ratio: late.p99Ms / Math.max(1, late.baselineP99Ms), target: "≤ 250 ms", met: late.p99Ms <= 250, note },
      );
    } finally {
      await db.close();
      await receiver.stop();
    }
  } catch (err) {
    problems.push(`${provider}: ${(err as Error).stack ?? String(err)}`);
    log(`${provider}: FAILED: ${(err as Error).message}`);
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
  settings: { providers, memoryOn: [...memoryOn], memoryEvents, connections, durationS, worker: workerSettings, deliveries: Number(args.deliveries), queuedRetries: Number(args["queued-retries"]) },
  rows,
  raw,
  problems,
});
console.log(`wrote ${path.relative(ROOT, out)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(problems.length ? 1 : 0);
