import { config, ConfigError, type Config } from "../config";
import { isDatabaseUnavailable } from "../db/errors";
import { logger } from "../log";

/**
 * The settings, or the end of the process: a bad value is reported once, naming the
 * variable and the rule, instead of failing later in whatever first reads it.
 */
export function configOrExit(): Config {
  try {
    return config();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // Straight to stderr as well: the process ends before an asynchronous log line would be written.
    process.stderr.write(`${err.message}\n`);
    logger.fatal({ problems: err.problems }, "invalid settings; not starting");
    process.exit(1);
  }
}

/**
 * A database client can reject a promise nobody awaits (Prisma's transaction timer does,
 * when the ROLLBACK it sends on a timed-out transaction hits a dead connection). That is
 * a database outage, which the worker survives by backing off; anything else is a bug
 * and ends the process, as Node would.
 */
export function surviveDatabaseRejections(): void {
  process.on("unhandledRejection", (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn({ err: String(reason) }, "a database call failed with nobody waiting for it; carrying on");
      return;
    }
    logger.fatal({ err: reason }, "unhandled promise rejection");
    process.exit(1);
  });
}
