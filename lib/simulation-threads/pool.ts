import type { Worker } from "node:worker_threads";
import { AppError } from "../errors/app-error";

interface Task<Req, Res> {
  request: Req;
  resolve(result: Res): void;
  reject(err: Error): void;
}

interface Slot<Req, Res> {
  worker: Worker;
  task: Task<Req, Res> | null;
}

type Reply<Res> = { ok: true; result: Res } | { ok: false; error: string };

export interface ThreadPoolOptions {
  /** Threads running tasks at once. */
  size: number;
  /** Tasks that may wait for a thread; one more is refused with 429. */
  queueLimit: number;
  /** A new thread; it answers each message with `{ ok, result }` or `{ ok: false, error }`. */
  spawn(): Worker;
}

/**
 * CPU-bound work off the request thread: a fixed set of worker threads, each running one
 * task at a time, and a bounded queue in front of them. When the queue is full the
 * caller is told to come back (429) rather than made to wait behind everyone else. A
 * thread that dies fails its task and is replaced.
 */
export class ThreadPool<Req, Res> {
  private readonly slots: Slot<Req, Res>[] = [];
  private readonly queue: Task<Req, Res>[] = [];
  private closed = false;

  constructor(private readonly opts: ThreadPoolOptions) {}

  run(request: Req): Promise<Res> {
    if (this.closed) return Promise.reject(new Error("the thread pool is closed"));
    const idle = this.idleSlot();
    if (!idle && this.queue.length >= this.opts.queueLimit) {
      return Promise.reject(new AppError("rate_limited", "Every simulation thread is busy and the queue is full; try again shortly", { retryAfterSeconds: 1 }));
    }
    return new Promise<Res>((resolve, reject) => {
      const task = { request, resolve, reject };
      if (idle) this.start(idle, task);
      else this.queue.push(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("the thread pool closed"));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private idleSlot(): Slot<Req, Res> | null {
    const idle = this.slots.find((s) => s.task === null);
    if (idle) return idle;
    return this.slots.length < this.opts.size ? this.addSlot() : null;
  }

  private addSlot(): Slot<Req, Res> {
    const slot: Slot<Req, Res> = { worker: this.opts.spawn(), task: null };
    this.slots.push(slot);
    slot.worker.on("message", (reply: Reply<Res>) => {
      const task = slot.task;
      slot.task = null;
      if (task) {
        if (reply.ok) task.resolve(reply.result);
        else task.reject(new Error(reply.error));
      }
      this.next(slot);
    });
    const lost = (err: Error) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      slot.task?.reject(err);
      slot.task = null;
      const waiting = this.queue.shift();
      if (waiting && !this.closed) this.start(this.addSlot(), waiting);
    };
    slot.worker.once("error", lost);
    slot.worker.once("exit", (code) => {
      if (this.slots.includes(slot)) lost(new Error(`a simulation thread stopped (exit code ${code})`));
    });
    // Idle threads must not keep the process alive.
    slot.worker.unref();
    return slot;
  }

  private start(slot: Slot<Req, Res>, task: Task<Req, Res>): void {
    slot.task = task;
    slot.worker.ref();
    slot.worker.postMessage(task.request);
  }

  private next(slot: Slot<Req, Res>): void {
    const waiting = this.queue.shift();
    if (waiting) this.start(slot, waiting);
    else slot.worker.unref();
  }
}
