/** Failed sign-ins in a row that cost nothing: typos. */
export const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

/**
 * After `failures` failed sign-ins in a row, how long until the operator's next attempt
 * is checked at all: nothing for the first few, then 1 s, doubling, up to 5 minutes. A
 * guesser soon gets one try per 5 minutes; a stranger failing on purpose makes the real
 * operator wait about as long as they have spent themselves, never more than 5 minutes,
 * instead of locking them out.
 */
export function delayAfterFailures(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1));
}
