import { WEEKDAY_LABELS, WEEKDAYS_IN_ORDER, type Weekday } from "./schedule.value";

/*
 * Calendar arithmetic on JST dates without ever touching the machine time zone: a date is a
 * "YYYY-MM-DD" string or a day number (days since 1970-01-01), and Date objects are only read
 * through their UTC getters. Japan has had no DST since 1951, so JST is always UTC+9.
 */

export const DAY_MS = 86_400_000;
export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 for a real calendar date, or null (rejects "2026-02-30", "2026-2-3"). */
export function parseDay(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC silently rolls 02-30 over to 03-02, so compare back; years < 100 are remapped to 19xx and fail here too.
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.getTime() / DAY_MS;
}

export function isCalendarDate(value: unknown): value is string {
  return typeof value === "string" && parseDay(value) !== null;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOfDay(day: number): Weekday {
  // 1970-01-01 was a Thursday (index 4 with Sunday = 0).
  return WEEKDAYS_IN_ORDER[(((day + 4) % 7) + 7) % 7];
}

/** Minutes after midnight for "HH:MM" (00:00–23:59), or null. */
export function parseTime(time: string): number | null {
  const m = TIME_RE.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function isTimeOfDay(value: unknown): value is string {
  return typeof value === "string" && parseTime(value) !== null;
}

/** The JST calendar date ("YYYY-MM-DD") at instant `now`, whatever TZ the process runs in. */
export function jstToday(now: Date): string {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError("jstToday: invalid Date");
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of JST wall-clock `minutes` after midnight on `day`. */
export function jstInstant(day: number, minutes: number): Date {
  return new Date(day * DAY_MS + minutes * 60_000 - JST_OFFSET_MS);
}

function requireDay(date: string): number {
  const day = parseDay(date);
  if (day === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return day;
}

/** "2026-11-22" → "11月22日(日)" */
export function formatJapaneseMonthDay(date: string): string {
  const day = requireDay(date);
  const [, mo, d] = date.split("-").map(Number);
  return `${mo}月${d}日(${WEEKDAY_LABELS[weekdayOfDay(day)]})`;
}

/** "2026-11-22" → "2026年11月22日(日)". Throws RangeError on anything but a real calendar date. */
export function formatJapaneseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${formatJapaneseMonthDay(date)}`;
}
