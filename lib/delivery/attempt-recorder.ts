import type { AttemptWrite, HotPathSql } from "../db/hot-path";

export class LeaseLostError extends Error {
  constructor(deliveryId: string) {
    super(`lease on delivery ${deliveryId} was lost before its attempt was recorded`);
    this.name = "LeaseLostError";
  }
}

/** Enough to amortise a commit, small enough that one batch stays a short write. */
export const MAX_BATCH = 256;

interface Pending {
  write: AttemptWrite;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Group commit for finished attempts: writes that arrive while a commit is under way (or in
 * the same turn of the event loop) go out together in the next one, so a busy worker pays
 * for one commit per batch instead of one per delivery. Each write resolves when its batch
 * has committed, rejects with LeaseLostError when its lease was gone, or with the batch's
 * error (the deliveries then return to the queue when their leases expire).
 */
export class AttemptRecorder {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;

  constructor(private readonly sql: HotPathSql) {}

  record(write: AttemptWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every write handed in so far has been committed or refused. */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0 || this.scheduled) {
      if (!this.flushing && !this.scheduled) this.schedule();
      await (this.flushing ?? new Promise((r) => setImmediate(r)));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    try {
      const held = await this.sql.recordAttempts(batch.map((p) => p.write));
      batch.forEach((p, i) => (held[i] ? p.resolve() : p.reject(new LeaseLostError(p.write.deliveryId))));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
