import { DAY_MS, formatDay, jstToday, parseDay } from "../schedules/schedule.dates.js";

/*
 * Calendar days for casework ("YYYY-MM-DD", JST), and the Japanese fiscal year (年度: April to March).
 * String dates compare correctly with < and >, which the services rely on.
 */

export const today = (now: Date = new Date()): string => jstToday(now);

export function addDays(date: string, days: number): string {
  return formatDay(parseDay(date)! + days);
}

/** Same day `months` later, clamped to the month's last day (01-31 + 1 month → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return formatDay(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)) / DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return parseDay(to)! - parseDay(from)!;
}

/** 2026年度 runs from 2026-04-01 to 2027-03-31. */
export function fiscalYearOf(date: string): number {
  const [y, m] = date.split("-").map(Number);
  return m >= 4 ? y : y - 1;
}

export function fiscalYearRange(fiscalYear: number): { start: string; end: string } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

export const inRange = (date: string | null | undefined, range: { start: string; end: string }): date is string =>
  date != null && date >= range.start && date <= range.end;
