import { bootstrap } from "./bootstrap";
import { connect, type Db } from "./client";
import { migrate } from "./migrate";
import { databaseUrlFromEnv } from "./provider";
import { logger } from "../log";

let ready: Promise<Db> | undefined;

/**
 * The process's database, migrated and bootstrapped once. A failure is not cached: while
 * the database is down every caller sees the error (and answers 503), and the first call
 * after it comes back finishes the start-up.
 */
export function getReadyDb(): Promise<Db> {
  if (!ready) {
    const attempt = (async () => {
      const url = databaseUrlFromEnv();
      const migrated = await migrate(url);
      if (migrated.applied.length) logger.info({ applied: migrated.applied }, "database migrated");
      const db = await connect(url);
      await bootstrap(db);
      return db;
    })();
    ready = attempt;
    attempt.catch((err) => {
      logger.error({ err }, "database start-up failed");
      if (ready === attempt) ready = undefined;
    });
  }
  return ready;
}
