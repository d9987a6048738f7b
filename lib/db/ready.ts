import { bootstrap } from "./bootstrap";
import { connect, type Db } from "./client";
import { migrate } from "./migrate";
import { databaseUrlFromEnv } from "./provider";
import { logger } from "../log";
import { processSingleton } from "../process-singleton";

/** One start-up per process and database URL, shared by every bundle (see processSingleton). */
function stateFor(url: string): { ready: Promise<Db> | undefined } {
  return processSingleton(`db:${url}`, () => ({ ready: undefined }));
}

/**
 * The process's database, migrated and bootstrapped once. A failure is not cached: while
 * the database is down every caller sees the error (and answers 503), and the first call
 * after it comes back finishes the start-up. Once closed, the next call opens it anew.
 */
export function getReadyDb(): Promise<Db> {
  const url = databaseUrlFromEnv();
  const state = stateFor(url);
  if (!state.ready) {
    const attempt = (async () => {
      const migrated = await migrate(url);
      if (migrated.applied.length) logger.info({ applied: migrated.applied }, "database migrated");
      const db = await connect(url);
      await bootstrap(db);
      // A closed database is not handed out again: the next caller opens a new one.
      const close = db.close;
      db.close = async () => {
        if (state.ready === attempt) state.ready = undefined;
        await close();
      };
      return db;
    })();
    state.ready = attempt;
    attempt.catch((err) => {
      logger.error({ err }, "database start-up failed");
      if (state.ready === attempt) state.ready = undefined;
    });
  }
  return state.ready;
}
