/**
 * Orders writers within one process on a SQLite file. Prisma's interactive transactions
 * hold the write lock across awaits; the hot paths write on a second connection of their
 * own (hot-path/sqlite.ts) whose transactions are synchronous. A synchronous transaction
 * that met a held lock would spin in busy_timeout with the event loop blocked, so the one
 * holding the lock could never finish: it may run only while no Prisma transaction is open.
 */
export class SqliteGate {
  private chain: Promise<void> = Promise.resolve();
  private open: Promise<void> | null = null;

  /** Resolves once no transaction is open. */
  async idle(): Promise<void> {
    while (this.open) await this.open;
  }

  /**
   * Runs `work` (synchronous, so nothing else in this process runs while it does) when no
   * transaction is open: the check and the work happen in the same turn of the event loop.
   */
  async run<T>(work: () => T): Promise<T> {
    while (this.open) await this.open;
    return work();
  }

  /**
   * Takes the gate for a transaction that spans awaits. Transactions queue behind each
   * other; the returned function ends it.
   */
  async enter(): Promise<() => void> {
    const previous = this.chain;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.chain = previous.then(() => done);
    await previous;
    await this.idle();
    this.open = done;
    return () => {
      if (this.open === done) this.open = null;
      finish();
    };
  }
}
