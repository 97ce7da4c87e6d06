// ---- dates and numbers -------------------------------------------------------------------------------------------
// The directory is for one Japanese city: dates are shown in JST whatever the device's time zone. Japan has no
// daylight saving time, so a fixed +9 h offset is exact and avoids depending on the browser's ICU data.

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

const toJst = (value: Date | string): Date => new Date(new Date(value).getTime() + JST_OFFSET_MS);

/** 2026年11月22日(日) */
export function formatDate(value: Date | string): string {
  const d = toJst(value);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日(${WEEKDAYS[d.getUTCDay()]})`;
}

/** Whole calendar days (JST) from `from` to `to`: yesterday evening → today morning is 1 day. */
export function daysBetween(from: Date | string, to: Date | string): number {
  const day = (v: Date | string) => Math.floor(toJst(v).getTime() / DAY_MS);
  return day(to) - day(from);
}

export const yen = new Intl.NumberFormat("ja-JP");

/** 2026年度 (the fiscal year runs April to March). */
export function formatFiscalYear(fiscalYear: number): string {
  return `${fiscalYear}年度`;
}

/** The fiscal year a day falls in (JST): 2027年3月31日 is still 2026年度. */
export function fiscalYearOf(value: Date | string): number {
  const d = toJst(value);
  return d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

/** 10:00 (24-hour clock, JST). */
export function formatTime(value: Date | string): string {
  const d = toJst(value);
  return `${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

/** 2026年11月22日(日) 10:00 */
export function formatDateTime(value: Date | string): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** A calendar date from the API ("2026-11-22", no time zone) → 2026年11月22日(日). */
export function formatCalendarDate(isoDate: string): string {
  return formatDate(`${isoDate}T00:00:00+09:00`);
}
