import { addDays, parseDay } from "@tsunagu/calendar";
import { isJapaneseHoliday, isYearEndClosure } from "../schedules/schedule.js";
import { Weekday, weekdayOfDay } from "../schedules/schedule.value.js";
import type { PlannedFollowUp } from "./followup.schedule.js";

/** The office's open days (MunicipalSettings): the weekdays it opens, and whether 祝日 and 年末年始 close it. */
export interface OfficeDays {
  openWeekdays: readonly Weekday[];
  closedOnHolidays: boolean;
  closedForYearEnd: boolean;
}

/** The column defaults: Monday to Friday, closed on national holidays (振替休日 included) and 12/29–1/3. */
export const DEFAULT_OFFICE_DAYS: OfficeDays = {
  openWeekdays: [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI],
  closedOnHolidays: true,
  closedForYearEnd: true,
};

/** A year of closed days in a row means nothing is open (no open weekday): the planner then keeps the dates. */
const MAX_SHIFT_DAYS = 366;

export function isOpenDay(date: string, office: OfficeDays): boolean {
  if (!office.openWeekdays.includes(weekdayOfDay(parseDay(date)!))) return false;
  if (office.closedOnHolidays && isJapaneseHoliday(date)) return false;
  return !(office.closedForYearEnd && isYearEndClosure(date));
}

/** The date itself when the office is open then, otherwise the next day it is. */
export function nextOpenDay(date: string, office: OfficeDays): string {
  for (let d = date, i = 0; i <= MAX_SHIFT_DAYS; d = addDays(d, 1), i++) if (isOpenDay(d, office)) return d;
  return date;
}

/**
 * Moves each planned follow-up to the next open day. Two that land on the same day become one visit: the later in the
 * schedule stays (a 定着確認 over a monthly visit, a monthly visit over the first check).
 */
export function onOpenDays(planned: readonly PlannedFollowUp[], office: OfficeDays): PlannedFollowUp[] {
  const byDay = new Map<string, PlannedFollowUp>();
  for (const p of planned) {
    const dueOn = nextOpenDay(p.dueOn, office);
    byDay.set(dueOn, { kind: p.kind, dueOn });
  }
  return [...byDay.values()].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
