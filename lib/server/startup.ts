import { config, ConfigError, type Config } from "../config";
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
