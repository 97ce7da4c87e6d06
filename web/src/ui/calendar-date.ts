// Calendar dates ("YYYY-MM-DD") as the API sends them: days in JST, with no time of day. The arithmetic runs on UTC
// midnights so that neither the device's time zone nor its clock changes the answer.

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const toUtcMidnight = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);
const fromUtcMidnight = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Today in JST as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return fromUtcMidnight(now.getTime() + JST_OFFSET_MS);
}

/** "2026-11-22" + 3 → "2026-11-25". */
export function addDaysIso(isoDate: string, days: number): string {
  return fromUtcMidnight(toUtcMidnight(isoDate) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenIso(from: string, to: string): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

/** The Sunday that ends the week (Monday to Sunday) `isoDate` falls in; a Sunday is its own week's end. */
export function endOfWeekIso(isoDate: string): string {
  const weekday = new Date(toUtcMidnight(isoDate)).getUTCDay(); // 0 = Sunday
  return addDaysIso(isoDate, weekday === 0 ? 0 : 7 - weekday);
}
