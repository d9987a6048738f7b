/**
 * How times read on the dashboard: one relative form ("5 min ago"), one absolute form with
 * its time zone ("Mar 4, 14:05:09 UTC+1"), and the countdown of a due moment. Pure and
 * clock-free (the caller passes `now`), so the wording is tested exactly.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span in the largest whole unit: "12 s", "5 min", "3 h", "2 d". */
export function formatElapsed(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) return `${Math.floor(abs / HOUR)} h`;
  return `${Math.floor(abs / DAY)} d`;
}

/** "just now", "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "in a moment", "in 40 s" for the future. */
export function formatRelative(at: number, now: number): string {
  const diff = at - now;
  if (Math.abs(diff) < 5 * SECOND) return diff > 0 ? "in a moment" : "just now";
  return diff > 0 ? `in ${formatElapsed(diff)}` : `${formatElapsed(diff)} ago`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined, withYear: boolean, precise: boolean): Intl.DateTimeFormat {
  const key = `${timeZone ?? ""}|${withYear}|${precise}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      month: "short",
      day: "numeric",
      year: withYear ? "numeric" : undefined,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      fractionalSecondDigits: precise ? 3 : undefined,
      hourCycle: "h23",
      timeZoneName: "shortOffset",
    });
    formatters.set(key, f);
  }
  return f;
}

function yearOf(at: number, timeZone: string | undefined): string {
  return formatter(timeZone, true, false).formatToParts(at).find((p) => p.type === "year")?.value ?? "";
}

export interface DateTimeOptions {
  /** An IANA zone ("Europe/Berlin"); the browser's own when left out. */
  timeZone?: string;
  /** Milliseconds too, for attempt timings. */
  precise?: boolean;
}

/**
 * "Mar 4, 14:05:09 UTC+1", "Dec 31, 2025, 23:59:59 UTC": the year only when it is not this
 * year's, the offset always, so two operators in different zones can compare what they see.
 */
export function formatDateTime(at: number, now: number, { timeZone, precise = false }: DateTimeOptions = {}): string {
  const withYear = yearOf(at, timeZone) !== yearOf(now, timeZone);
  const parts = formatter(timeZone, withYear, precise).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  // ICU names offsets from GMT, and UTC itself "GMT" or "GMT+0" depending on its version.
  const zone = part("timeZoneName").replace(/^GMT(\+0)?$/, "UTC").replace(/^GMT/, "UTC");
  const date = withYear ? `${part("month")} ${part("day")}, ${part("year")}` : `${part("month")} ${part("day")}`;
  const time = `${part("hour")}:${part("minute")}:${part("second")}${precise ? `.${part("fractionalSecond")}` : ""}`;
  return `${date}, ${time} ${zone}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Time left until a due moment, ticking by the second: "0:04", "2:05", "1:02:05", "3 d 4 h".
 * Rounded up, so it reads "0:01" until the moment is actually reached, then "0:00".
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / SECOND));
  if (total * SECOND >= DAY) {
    const days = Math.floor((total * SECOND) / DAY);
    const hours = Math.floor(((total * SECOND) % DAY) / HOUR);
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}
