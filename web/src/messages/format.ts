// ---- dates and numbers -------------------------------------------------------------------------------------------
// The directory is for one Japanese city: dates are shown in JST whatever the device's time zone. The day arithmetic
// and the written form of a date are @tsunagu/calendar's, shared with the server.
import { dayOf, formatJapaneseDate, formatJapaneseTime } from "@tsunagu/calendar";

/** 2026年11月22日(日): the JST day of an instant. */
export function formatDate(value: Date | string): string {
  return formatJapaneseDate(dayOf(value));
}

export const yen = new Intl.NumberFormat("ja-JP");

/** 2026年度 (the fiscal year runs April to March). */
export function formatFiscalYear(fiscalYear: number): string {
  return `${fiscalYear}年度`;
}

/** 2026年11月22日(日) 10:00 */
export function formatDateTime(value: Date | string): string {
  return `${formatDate(value)} ${formatJapaneseTime(value)}`;
}

/** A calendar date from the API ("2026-11-22", no time zone) → 2026年11月22日(日). */
export function formatCalendarDate(isoDate: string): string {
  return formatJapaneseDate(isoDate);
}
