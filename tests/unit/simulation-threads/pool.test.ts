import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { ThreadPool } from "@/lib/simulation-threads/pool";

// A thread that answers { n } with n², waits for a "go" message when asked to hold, and dies on "crash".
const THREAD = `
const { parentPort } = require("node:worker_threads");
let held = [];
parentPort.on("message", (m) => {
  if (m === "go") { for (const h of held) parentPort.postMessage({ ok: true, result: h * h }); held = []; return; }
  if (m.crash) process.exit(3);
  if (m.fail) return parentPort.postMessage({ ok: false, error: "no such square" });
  if (m.hold) return held.push(m.n);
  parentPort.postMessage({ ok: true, result: m.n * m.n });
});`;

type Req = { n: number; hold?: boolean; crash?: boolean; fail?: boolean };

describe("the thread pool", () => {
  let workers: Worker[] = [];
  let pool: ThreadPool<Req, number>;
  const make = (size: number, queueLimit: number) => {
    workers = [];
    pool = new ThreadPool<Req, number>({
      size,
      queueLimit,
      spawn: () => {
        const w = new Worker(THREAD, { eval: true });
        workers.push(w);
        return w;
      },
    });
    return pool;
  };
  afterEach(async () => {
    await pool.close();
  });

  it("runs tasks on threads and hands back their answers and failures", async () => {
    make(2, 0);
    expect(await Promise.all([pool.run({ n: 3 }), pool.run({ n: 4 })])).toEqual([9, 16]);
    await expect(pool.run({ n: 1, fail: true })).rejects.toThrow("no such square");
    expect(workers).toHaveLength(2);
  });

  it("queues up to its limit behind busy threads, then refuses with a 429", async () => {
    make(1, 1);
    const running = pool.run({ n: 2, hold: true });
    const queued = pool.run({ n: 5 });
    const refused = await pool.run({ n: 6 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 429, retryAfterSeconds: 1 });
    workers[0].postMessage("go");
    expect(await running).toBe(4);
    expect(await queued).toBe(25);
  });

  it("fails the task of a thread that dies, replaces the thread, and goes on with the queue", async () => {
    make(1, 1);
    const crashing = pool.run({ n: 1, crash: true });
    const next = pool.run({ n: 7 });
    await expect(crashing).rejects.toThrow(/exit code 3/);
    expect(await next).toBe(49);
    expect(workers).toHaveLength(2);
  });
});
