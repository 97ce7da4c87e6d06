import { describeSchedule } from "../schedules/schedule.js";
import {
  ScheduleFrequency,
  WEEKDAYS_IN_ORDER,
  Weekday,
  type ScheduleRuleValue,
  type ScheduleValue,
} from "../schedules/schedule.value.js";
import { stableId } from "./hsds-ids.js";
import type { HsdsSchedule } from "./hsds.types.js";

/*
 * tsunagu's schedule rules as HSDS schedules, which are iCalendar RRULE parts (freq, byday, count, dtstart):
 *   毎週火・金 10:00〜11:30   → freq=WEEKLY  byday=TU,FR          opens_at=10:00+09:00 closes_at=11:30+09:00
 *   第2・第4火曜             → freq=MONTHLY byday=2TU,4TU
 *   最終金曜                 → freq=MONTHLY byday=-1FR
 *   2026-12-05 (特定日)      → freq=WEEKLY  byday=SA count=1 dtstart=valid_from=valid_to=2026-12-05 (one occurrence)
 * HSDS has no exception dates: closures (祝日休み, 年末年始, 臨時休止) go into each schedule's `notes` for people and
 * into attributes of the service for programs (hsds-mapper.ts).
 */

const ICAL_DAY: Record<Weekday, string> = {
  SUN: "SU",
  MON: "MO",
  TUE: "TU",
  WED: "WE",
  THU: "TH",
  FRI: "FR",
  SAT: "SA",
};
const FROM_ICAL = Object.fromEntries(Object.entries(ICAL_DAY).map(([w, d]) => [d, w as Weekday])) as Record<
  string,
  Weekday
>;

/** Japan has one offset and no DST: times carry it, so that a consumer abroad reads them right. */
const JST_OFFSET = "+09:00";
const JST_HOURS = 9;

const sortDays = (days: Weekday[]) =>
  [...new Set(days)].sort((a, b) => WEEKDAYS_IN_ORDER.indexOf(a) - WEEKDAYS_IN_ORDER.indexOf(b));

/** The RRULE `BYDAY` value of one rule: `TU,FR`, or `2TU,4TU`, `-1FR` for the nth weekdays of a month. */
export function bydayOf(rule: ScheduleRuleValue): string {
  const days = sortDays(rule.weekdays).map((d) => ICAL_DAY[d]);
  if (rule.frequency !== ScheduleFrequency.MONTHLY_NTH_WEEKDAY) return days.join(",");
  const nths = [...new Set(rule.nthWeeks)].sort((a, b) => (a < 0 ? 6 : a) - (b < 0 ? 6 : b));
  return days.flatMap((d) => nths.map((n) => `${n}${d}`)).join(",");
}

/** The rule as one RRULE line, e.g. `FREQ=MONTHLY;BYDAY=2TU,4TU` (also what the listing's HSDS description shows). */
export function rruleOf(rule: ScheduleRuleValue): string | null {
  switch (rule.frequency) {
    case ScheduleFrequency.WEEKLY:
      return rule.weekdays.length ? `FREQ=WEEKLY;BYDAY=${bydayOf(rule)}` : null;
    case ScheduleFrequency.MONTHLY_NTH_WEEKDAY:
      return rule.weekdays.length && rule.nthWeeks.length ? `FREQ=MONTHLY;BYDAY=${bydayOf(rule)}` : null;
    case ScheduleFrequency.SPECIFIC_DATES:
      return null;
  }
}

/** Closures in words, for the `notes` of every schedule. */
export function closureNotes(schedule: ScheduleValue): string[] {
  return [
    ...(schedule.closedOnHolidays ? ["祝日は休み"] : []),
    ...(schedule.closedYearEnd ? ["年末年始(12/29〜1/3)は休み"] : []),
    ...(schedule.closedDates.length ? [`臨時休止: ${schedule.closedDates.join(", ")}`] : []),
    ...(schedule.note ? [schedule.note] : []),
  ];
}

const weekdayOfDate = (date: string): Weekday => {
  const [y, m, d] = date.split("-").map(Number);
  return WEEKDAYS_IN_ORDER[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
};

/** A listing's schedule as HSDS schedules, linked to the service (ids stable per listing, rule and date). */
export function toHsdsSchedules(serviceId: string, schedule: ScheduleValue): HsdsSchedule[] {
  const notes = closureNotes(schedule).join("。") || undefined;
  const summary = describeSchedule(schedule);
  const base = (key: string, rule: ScheduleRuleValue): HsdsSchedule => ({
    id: stableId(`schedule:${serviceId}:${key}`),
    service_id: serviceId,
    timezone: JST_HOURS,
    wkst: "MO",
    opens_at: `${rule.startTime}${JST_OFFSET}`,
    closes_at: `${rule.endTime}${JST_OFFSET}`,
    description: summary,
    ...(notes ? { notes } : {}),
  });
  return schedule.rules.flatMap((rule, i): HsdsSchedule[] => {
    if (rule.frequency === ScheduleFrequency.SPECIFIC_DATES) {
      return [...rule.dates].sort().map((date) => ({
        ...base(`${i}:${date}`, rule),
        freq: "WEEKLY",
        interval: 1,
        byday: ICAL_DAY[weekdayOfDate(date)],
        count: 1,
        dtstart: date,
        valid_from: date,
        valid_to: date,
      }));
    }
    if (!rruleOf(rule)) return [];
    return [
      {
        ...base(String(i), rule),
        freq: rule.frequency === ScheduleFrequency.WEEKLY ? "WEEKLY" : "MONTHLY",
        interval: 1,
        byday: bydayOf(rule),
      },
    ];
  });
}

const hhmm = (time: string | undefined): string | null => {
  const m = /^(\d{1,2}):(\d{2})/.exec(time ?? "");
  return m ? `${m[1].padStart(2, "0")}:${m[2]}` : null;
};

/** What could be read back from HSDS schedules: tsunagu rules, and the schedules that are no tsunagu rule (as text). */
export interface ReadSchedules {
  rules: ScheduleRuleValue[];
  unreadable: string[];
}

/**
 * HSDS schedules back into tsunagu rules: WEEKLY/MONTHLY with BYDAY, and single occurrences (count=1 with dtstart)
 * gathered into one 特定日 rule per opening time. Anything else (BYMONTHDAY, an interval of 2, no times) is returned
 * as text for a person to check.
 */
export function fromHsdsSchedules(schedules: HsdsSchedule[]): ReadSchedules {
  const rules: ScheduleRuleValue[] = [];
  const unreadable: string[] = [];
  for (const s of schedules) {
    const startTime = hhmm(s.opens_at);
    const endTime = hhmm(s.closes_at);
    const days = (s.byday ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(p.toUpperCase()));
    const readable = startTime && endTime && days.every((d) => d !== null) && (s.interval ?? 1) === 1 && !s.bymonthday;
    const single = s.count === 1 && !!s.dtstart && /^\d{4}-\d{2}-\d{2}$/.test(s.dtstart);
    if (!readable || (!single && (!days.length || !s.freq))) {
      if (!(s.freq || s.byday || s.dtstart || s.opens_at)) continue; // a schedule with only notes: nothing to read
      unreadable.push(s.description || [s.freq, s.byday, s.opens_at, s.closes_at].filter(Boolean).join(" "));
      continue;
    }
    if (single) {
      const last = rules.at(-1);
      if (
        last?.frequency === ScheduleFrequency.SPECIFIC_DATES &&
        last.startTime === startTime &&
        last.endTime === endTime
      ) {
        last.dates.push(s.dtstart!);
      } else {
        rules.push({
          frequency: ScheduleFrequency.SPECIFIC_DATES,
          weekdays: [],
          nthWeeks: [],
          dates: [s.dtstart!],
          startTime,
          endTime,
        });
      }
      continue;
    }
    const parsed = days.map((d) => ({ n: d[1] ? Number(d[1]) : null, day: FROM_ICAL[d[2]] }));
    if (s.freq === "WEEKLY" || parsed.every((p) => p.n === null)) {
      const frequency = s.freq === "MONTHLY" ? null : ScheduleFrequency.WEEKLY;
      if (!frequency) {
        unreadable.push(s.description || `FREQ=MONTHLY;BYDAY=${s.byday}`);
        continue;
      }
      rules.push({
        frequency,
        weekdays: sortDays(parsed.map((p) => p.day)),
        nthWeeks: [],
        dates: [],
        startTime,
        endTime,
      });
      continue;
    }
    // MONTHLY: one rule when BYDAY is every nth × every weekday (how tsunagu writes it), else one rule per weekday.
    const nthsOf = (day: Weekday) => parsed.filter((p) => p.day === day).map((p) => p.n ?? 0);
    const weekdays = sortDays(parsed.map((p) => p.day));
    const same = weekdays.every((d) => nthsOf(d).sort().join() === nthsOf(weekdays[0]).sort().join());
    const groups = same ? [weekdays] : weekdays.map((d) => [d]);
    for (const group of groups) {
      const nthWeeks = [...new Set(nthsOf(group[0]))].sort((a, b) => (a < 0 ? 6 : a) - (b < 0 ? 6 : b));
      if (nthWeeks.some((n) => n === 0 || n > 5 || n < -1)) {
        unreadable.push(s.description || `FREQ=MONTHLY;BYDAY=${s.byday}`);
        continue;
      }
      rules.push({
        frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY,
        weekdays: group,
        nthWeeks,
        dates: [],
        startTime,
        endTime,
      });
    }
  }
  return { rules, unreadable };
}
