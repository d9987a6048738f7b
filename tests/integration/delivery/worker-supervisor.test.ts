import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/dlq/clock";
import type { DeliveryWorker, LoopProgress } from "@/lib/delivery/worker";
import { WorkerSupervisor } from "@/lib/delivery/worker-supervisor";
import { useTestDatabase } from "../../support/databases";
import { waitFor } from "../../support/receiver";

/** A clock the test moves: sleeps end when the test advances past them. */
class ManualClock implements Clock {
  private t = 1_000_000;
  private sleepers: { at: number; wake: () => void }[] = [];
  now = () => this.t;
  sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      this.sleepers.push({ at: this.t + ms, wake: resolve });
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
  get waiting(): number {
    return this.sleepers.length;
  }
  advance(ms: number): void {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.at <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.at > this.t);
    for (const s of due) s.wake();
  }
}

/** The worker's side of the bargain: a claim loop whose progress the test sets. */
class ScriptedWorker {
  progress: LoopProgress = { lastLoopAt: null, consecutiveFailures: 0, lastError: null };
  started = false;
  stoppedWithGrace: number | null = null;
  constructor(readonly db: Db) {}
  start() {
    this.started = true;
  }
  async stop(graceMs: number) {
    this.stoppedWithGrace = graceMs;
  }
}

const STALL_MS = 10_000;

describe("the worker supervisor", () => {
  const t = useTestDatabase("sqlite");
  let supervisor: WorkerSupervisor | undefined;
  afterEach(async () => {
    await supervisor?.stop();
    await t.db.prisma.workerHeartbeat.deleteMany();
  });

  function supervise(connect: () => Promise<Db>) {
    const clock = new ManualClock();
    const workers: ScriptedWorker[] = [];
    const disconnected: Db[] = [];
    supervisor = new WorkerSupervisor({
      connect,
      disconnect: async (db) => void disconnected.push(db),
      createWorker: (db) => {
        const w = new ScriptedWorker(db);
        workers.push(w);
        return w as unknown as DeliveryWorker;
      },
      identity: { kind: "standalone", host: "test-host", pid: 42 },
      stallAfterMs: STALL_MS,
      graceMs: 3_000,
      clock,
    });
    supervisor.start();
    /** Moves the clock by `ms` in one-second checks, letting each check finish. */
    const pass = async (ms: number) => {
      for (let left = ms; left > 0; left -= 1_000) {
        await waitFor(() => clock.waiting > 0, 5_000, 5);
        clock.advance(1_000);
      }
      await waitFor(() => clock.waiting > 0, 5_000, 5);
    };
    return { clock, workers, disconnected, pass };
  }

  const heartbeat = () => t.db.prisma.workerHeartbeat.findFirst({ where: { host: "test-host" } });

  it("starts a worker, and beats running while its loop goes round", async () => {
    const { clock, workers, pass } = supervise(async () => t.db);
    await pass(0);
    expect(workers).toHaveLength(1);
    expect(workers[0].started).toBe(true);
    for (let i = 0; i < 30; i++) {
      workers[0].progress = { lastLoopAt: clock.now(), consecutiveFailures: 0, lastError: null };
      await pass(1_000);
    }
    expect(supervisor!.status()).toEqual({ state: "running" });
    expect(await heartbeat()).toMatchObject({ kind: "standalone", pid: 42, state: "running", reason: null, beatAt: new Date(clock.now()) });
    expect(workers).toHaveLength(1);
  });

  it("says why a stalled worker is stalled, then rebuilds it on new connections", async () => {
    const { clock, workers, disconnected, pass } = supervise(async () => t.db);
    await pass(0);
    const loopAt = clock.now();
    workers[0].progress = { lastLoopAt: loopAt, consecutiveFailures: 4, lastError: "Query read timeout" };

    await pass(STALL_MS);
    expect(supervisor!.status()).toEqual({ state: "stalled", reason: "no progress for 10 s: claiming deliveries failed 4 times in a row: Query read timeout" });
    await pass(5_000);
    expect(await heartbeat()).toMatchObject({ state: "stalled", reason: expect.stringMatching(/^no progress for 1\d s: claiming deliveries failed 4 times/) });
    expect(workers).toHaveLength(1);

    await pass(STALL_MS - 5_000);
    expect(workers).toHaveLength(2);
    expect(workers[0].stoppedWithGrace).toBe(1_000);
    expect(disconnected).toEqual([t.db]);
    expect(workers[1].started).toBe(true);
    // The fresh worker starts its own count.
    expect(supervisor!.status()).toEqual({ state: "running" });
  });

  it("keeps trying to connect with backoff, and reports why there is no worker", async () => {
    let attempts = 0;
    const { workers, pass } = supervise(async () => {
      attempts++;
      if (attempts < 5) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      return t.db;
    });
    await pass(STALL_MS);
    expect(workers).toHaveLength(0);
    // At 0, 1, 3 and 7 s: each wait doubles.
    expect(attempts).toBe(4);
    expect(supervisor!.status()).toEqual({ state: "stalled", reason: "no worker for 10 s: connect ECONNREFUSED 127.0.0.1:5432" });
    await pass(8_000);
    expect(workers).toHaveLength(1);
  });

  it("on stop, stops the worker with the grace period, removes its heartbeat and lets go of its database", async () => {
    const { workers, disconnected, pass } = supervise(async () => t.db);
    await pass(5_000);
    expect(await heartbeat()).not.toBeNull();
    await supervisor!.stop();
    supervisor = undefined;
    expect(workers[0].stoppedWithGrace).toBe(3_000);
    expect(await heartbeat()).toBeNull();
    expect(disconnected).toEqual([t.db]);
  });
});
