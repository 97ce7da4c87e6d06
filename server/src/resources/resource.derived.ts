import { nextSessions, scheduleTimeBands, scheduleWeekdays } from "../schedules/schedule.js";
import { parseTime } from "@tsunagu/calendar";
import type { ScheduleValue, TimeBand, Weekday } from "../schedules/schedule.value.js";

export interface DerivedScheduleColumns {
  weekdays: Weekday[];
  timeBands: TimeBand[];
  startMinutes: number[];
  nextSessionAt: Date | null;
}

/** The columns that search filters on, computed from the schedule (on write, in the seeder and hourly). */
export function deriveScheduleColumns(schedule: ScheduleValue, now: Date = new Date()): DerivedScheduleColumns {
  return {
    weekdays: scheduleWeekdays(schedule),
    timeBands: scheduleTimeBands(schedule),
    startMinutes: [...new Set(schedule.rules.map((r) => parseTime(r.startTime)!))].sort((a, b) => a - b),
    nextSessionAt: nextSessions(schedule, now, 1)[0]?.startsAt ?? null,
  };
}
