/**
 * Without TEST_POSTGRES_URL the integration tests run on SQLite alone. That is a choice a
 * reader of the output must not miss, so it is said at the start and again at the end.
 */
const NOTICE = "\n*** PostgreSQL was SKIPPED: TEST_POSTGRES_URL is not set, so only SQLite was tested (CI sets it). ***\n";

export default function setup(): (() => void) | undefined {
  if (process.env.TEST_POSTGRES_URL) return undefined;
  process.stderr.write(NOTICE);
  return () => {
    process.stderr.write(NOTICE);
  };
}
