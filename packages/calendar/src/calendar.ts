/*
 * Calendar days in Japan, for the server and the web client alike: a day is a "YYYY-MM-DD" string (what the API's
 * LocalDate carries) or a day number (days since 1970-01-01), and a Date is only read through its UTC getters, so
 * neither the machine's time zone nor the browser's ICU data changes an answer. Japan has had no DST since 1951, so
 * JST is always UTC+9. String days compare correctly with < and >, which callers rely on.
 */

export const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Weekday codes as the API spells them, Sunday first (index = Date#getUTCDay()). */
export const WEEKDAY_CODES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/**
 * The one name of each weekday: its kanji (月). Longer forms are built from it where they are written: 「月曜」,
 * 「毎週火・金曜」, 「11月22日(日)」.
 */
export const WEEKDAY_LABELS: Record<WeekdayCode, string> = {
  SUN: "日",
  MON: "月",
  TUE: "火",
  WED: "水",
  THU: "木",
  FRI: "金",
  SAT: "土",
};

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

/** 0 = Sunday … 6 = Saturday, as WEEKDAY_CODES. */
export function weekdayIndexOfDay(day: number): number {
  // 1970-01-01 was a Thursday (index 4 with Sunday = 0).
  return (((day + 4) % 7) + 7) % 7;
}

/** Minutes after midnight for "HH:MM" (00:00–23:59), or null. */
export function parseTime(time: string): number | null {
  const m = TIME_RE.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function isTimeOfDay(value: unknown): value is string {
  return typeof value === "string" && parseTime(value) !== null;
}

/** The JST calendar day ("YYYY-MM-DD") of an instant (a Date or an ISO timestamp), whatever TZ the process runs in. */
export function dayOf(instant: Date | string): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`dayOf: invalid instant: ${String(instant)}`);
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Japan ("YYYY-MM-DD"). */
export const today = (now: Date = new Date()): string => dayOf(now);

/** The instant of JST wall-clock `minutes` after midnight on `day`. */
export function jstInstant(day: number, minutes: number): Date {
  return new Date(day * DAY_MS + minutes * 60_000 - JST_OFFSET_MS);
}

function requireDay(date: string): number {
  const day = parseDay(date);
  if (day === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return day;
}

/** "2026-11-22" + 3 → "2026-11-25". */
export function addDays(date: string, days: number): string {
  return formatDay(requireDay(date) + days);
}

/** Same day `months` later, clamped to the month's last day (01-31 + 1 month → 02-28). */
export function addMonths(date: string, months: number): string {
  requireDay(date);
  const [y, m, d] = date.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return formatDay(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)) / DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return requireDay(to) - requireDay(from);
}

/** The Sunday that ends the week (Monday to Sunday) `date` falls in; a Sunday is its own week's end. */
export function endOfWeek(date: string): string {
  const weekday = weekdayIndexOfDay(requireDay(date));
  return addDays(date, weekday === 0 ? 0 : 7 - weekday);
}

/** The 年度 a day falls in: 2026年度 runs from 2026-04-01 to 2027-03-31. */
export function fiscalYearOf(date: string): number {
  const [y, m] = date.split("-").map(Number);
  return m >= 4 ? y : y - 1;
}

export function fiscalYearRange(fiscalYear: number): { start: string; end: string } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

export const inRange = (date: string | null | undefined, range: { start: string; end: string }): date is string =>
  date != null && date >= range.start && date <= range.end;

/** "2026-11-22" → "11月22日(日)" */
export function formatJapaneseMonthDay(date: string): string {
  const day = requireDay(date);
  const [, mo, d] = date.split("-").map(Number);
  return `${mo}月${d}日(${WEEKDAY_LABELS[WEEKDAY_CODES[weekdayIndexOfDay(day)]]})`;
}

/** "2026-11-22" → "2026年11月22日(日)". Throws RangeError on anything but a real calendar date. */
export function formatJapaneseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${formatJapaneseMonthDay(date)}`;
}

/** The JST wall-clock time of an instant, 24-hour: "9:05", "10:00". */
export function formatJapaneseTime(instant: Date | string): string {
  const jst = new Date(new Date(instant).getTime() + JST_OFFSET_MS);
  return `${jst.getUTCHours()}:${String(jst.getUTCMinutes()).padStart(2, "0")}`;
}
