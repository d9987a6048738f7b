/** Human-readable numbers for dashboards: durations in the largest unit that reads well, percentages, counts. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const count = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** At most one decimal, and none once the number has two digits: "1.5", "12", "3". */
function short(value: number): string {
  const digits = Math.abs(value) < 10 ? 1 : 0;
  return String(Number(value.toFixed(digits)));
}

function inUnits(ms: number, round: (value: number) => string): string {
  if (!Number.isFinite(ms)) return "—";
  const sign = ms < 0 ? "−" : "";
  const abs = Math.abs(ms);
  if (abs < SECOND) return `${sign}${Math.round(abs)} ms`;
  if (abs < MINUTE) return `${sign}${round(abs / SECOND)} s`;
  if (abs < HOUR) return `${sign}${round(abs / MINUTE)} min`;
  if (abs < DAY) return `${sign}${round(abs / HOUR)} h`;
  return `${sign}${round(abs / DAY)} d`;
}

/** 850 ms, 1.5 s, 42 s, 1.5 min, 12 min, 2 h, 1.5 d; negative values keep their sign. */
export function formatDuration(ms: number): string {
  return inUnits(ms, short);
}

/**
 * For axis ticks, which are round values (see ticks.ts) that one decimal can misstate:
 * 75 min is "1.25 h", not "1.3 h". Zero is plain "0".
 */
export function formatDurationTick(ms: number): string {
  return ms === 0 ? "0" : inUnits(ms, (value) => String(Number(value.toFixed(2))));
}

/** A change in time: "3 s sooner", "2 min later", "no change". */
export function formatDurationChange(ms: number): string {
  if (ms === 0) return "no change";
  return `${formatDuration(Math.abs(ms))} ${ms < 0 ? "sooner" : "later"}`;
}

/**
 * A fraction as a percentage. Two decimals near the ends, where one would round 99.96% up
 * to a "100%" that hides dead letters.
 */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return "—";
  if (fraction === 0 || fraction === 1) return `${fraction * 100}%`;
  const pct = fraction * 100;
  const digits = pct > 99 || pct < 1 ? 2 : 1;
  return `${pct.toFixed(digits)}%`;
}

export function formatCount(value: number): string {
  return count.format(value);
}

/** 950, 1.2K, 3.4M: for axis ticks where space is short. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** A mean such as attempts per delivery: two decimals, trailing zeros kept so columns align. */
export function formatMean(value: number): string {
  return value.toFixed(2);
}
