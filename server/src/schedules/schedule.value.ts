import { weekdayIndexOfDay } from "@tsunagu/calendar";
import { registerEnumType } from "type-graphql";

/**
 * The schedule of a listing as stored (jsonb on `resource.schedule`). Times are local Japan time (JST, no DST);
 * dates are `YYYY-MM-DD` strings so that no time zone can shift a 通いの場 onto the wrong day.
 */
export enum Weekday {
  SUN = "SUN",
  MON = "MON",
  TUE = "TUE",
  WED = "WED",
  THU = "THU",
  FRI = "FRI",
  SAT = "SAT",
}

/** Index 0 = Sunday, as Date#getUTCDay(). */
export const WEEKDAYS_IN_ORDER: readonly Weekday[] = [
  Weekday.SUN,
  Weekday.MON,
  Weekday.TUE,
  Weekday.WED,
  Weekday.THU,
  Weekday.FRI,
  Weekday.SAT,
];

/** The weekday of a day number (days since 1970-01-01). */
export const weekdayOfDay = (day: number): Weekday => WEEKDAYS_IN_ORDER[weekdayIndexOfDay(day)];

export enum ScheduleFrequency {
  /** 毎週火・金 */
  WEEKLY = "WEEKLY",
  /** 第2・第4火曜 (nthWeeks 1–5, or -1 for 最終) */
  MONTHLY_NTH_WEEKDAY = "MONTHLY_NTH_WEEKDAY",
  /** 特定の日 */
  SPECIFIC_DATES = "SPECIFIC_DATES",
}

export interface ScheduleRuleValue {
  frequency: ScheduleFrequency;
  weekdays: Weekday[];
  nthWeeks: number[];
  dates: string[];
  /** "HH:MM", 24h */
  startTime: string;
  endTime: string;
}

export interface ScheduleValue {
  rules: ScheduleRuleValue[];
  /** 祝日は休み */
  closedOnHolidays: boolean;
  /** 年末年始休み (12/29–1/3) */
  closedYearEnd: boolean;
  /** 臨時休止 */
  closedDates: string[];
  note: string | null;
}

export const EMPTY_SCHEDULE: ScheduleValue = {
  rules: [],
  closedOnHolidays: false,
  closedYearEnd: false,
  closedDates: [],
  note: null,
};

/**
 * The plain JSON a schedule is stored as (no input-class prototype, no undefined, fields in one order), so that the
 * jsonb column holds the same value whichever way it came in and two schedules compare by their JSON.
 */
export const toScheduleValue = (s: ScheduleValue): ScheduleValue => ({
  rules: s.rules.map((r) => ({
    frequency: r.frequency,
    weekdays: [...r.weekdays],
    nthWeeks: [...r.nthWeeks],
    dates: [...r.dates],
    startTime: r.startTime,
    endTime: r.endTime,
  })),
  closedOnHolidays: s.closedOnHolidays,
  closedYearEnd: s.closedYearEnd,
  closedDates: [...s.closedDates],
  note: s.note ?? null,
});

/** One concrete occurrence of a schedule, as computed by `nextSessions`. */
export interface SessionValue {
  /** JST calendar date, "YYYY-MM-DD" */
  date: string;
  weekday: Weekday;
  /** "HH:MM" JST */
  startTime: string;
  endTime: string;
  /** The same moments as absolute instants (for sorting, ICS, "開催中" badges). */
  startsAt: Date;
  endsAt: Date;
  /** e.g. "2026年11月24日(火) 10:00〜11:30" */
  label: string;
}

/** 時間帯 of a session by its start time; a search facet ("午前に行ける場所"). */
export enum TimeBand {
  /** starts before 12:00 */
  MORNING = "MORNING",
  /** starts 12:00–16:59 */
  AFTERNOON = "AFTERNOON",
  /** starts 17:00 or later */
  EVENING = "EVENING",
}

registerEnumType(Weekday, { name: "Weekday", description: "曜日" });
registerEnumType(ScheduleFrequency, { name: "ScheduleFrequency", description: "毎週 / 第n曜日 / 特定日" });
registerEnumType(TimeBand, { name: "TimeBand", description: "時間帯 (開始時刻で判定: 午前 / 午後 / 夜間)" });
