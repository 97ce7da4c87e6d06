import type { ScheduleFrequency, ScheduleInput, Weekday } from "../../gql/graphql";
import { WEEKDAYS_IN_ORDER } from "../../messages";

/**
 * The schedule editor's state and its one mapping to the API's ScheduleInput. Rules keep their order, so the
 * server's per-field messages (`schedule.rules.1.endTime`) land on the rule the host sees second.
 */

export interface RuleForm {
  /** A React key only; never sent. */
  key: string;
  frequency: ScheduleFrequency;
  weekdays: Weekday[];
  nthWeeks: number[];
  dates: string[];
  startTime: string;
  endTime: string;
}

export interface ScheduleForm {
  rules: RuleForm[];
  closedOnHolidays: boolean;
  closedYearEnd: boolean;
  closedDates: string[];
  note: string;
}

/** 第1 … 第5, then 最終 (-1), as the server numbers them. */
export const NTH_WEEKS = [1, 2, 3, 4, 5, -1] as const;

export interface ScheduleLike {
  rules: readonly Omit<RuleForm, "key">[];
  closedOnHolidays: boolean;
  closedYearEnd: boolean;
  closedDates: readonly string[];
  note: string | null;
}

let nextKey = 0;
const newKey = () => `rule-${++nextKey}`;

export function scheduleFormOf(schedule: ScheduleLike): ScheduleForm {
  return {
    rules: schedule.rules.map((r) => ({
      key: newKey(),
      frequency: r.frequency,
      weekdays: [...r.weekdays],
      nthWeeks: [...r.nthWeeks],
      dates: [...r.dates],
      startTime: r.startTime,
      endTime: r.endTime,
    })),
    closedOnHolidays: schedule.closedOnHolidays,
    closedYearEnd: schedule.closedYearEnd,
    closedDates: [...schedule.closedDates],
    note: schedule.note ?? "",
  };
}

/** A new rule starts as the most common pattern: weekly, on a weekday morning. */
export function newRule(): RuleForm {
  return {
    key: newKey(),
    frequency: "WEEKLY",
    weekdays: [],
    nthWeeks: [],
    dates: [],
    startTime: "10:00",
    endTime: "12:00",
  };
}

const byWeekday = (a: Weekday, b: Weekday) => WEEKDAYS_IN_ORDER.indexOf(a) - WEEKDAYS_IN_ORDER.indexOf(b);
/** 1–5 in order, 最終 (-1) last. */
const byNthWeek = (a: number, b: number) => (a === -1 ? 6 : a) - (b === -1 ? 6 : b);
const sortedUnique = (dates: readonly string[]) => [...new Set(dates.filter(Boolean))].sort();

/** Only the fields that mean something for the rule's frequency are sent (a weekly rule sends no dates). */
export function toScheduleInput(form: ScheduleForm): ScheduleInput {
  return {
    rules: form.rules.map((r) => ({
      frequency: r.frequency,
      weekdays: r.frequency === "SPECIFIC_DATES" ? [] : [...new Set(r.weekdays)].sort(byWeekday),
      nthWeeks: r.frequency === "MONTHLY_NTH_WEEKDAY" ? [...new Set(r.nthWeeks)].sort(byNthWeek) : [],
      dates: r.frequency === "SPECIFIC_DATES" ? sortedUnique(r.dates) : [],
      startTime: r.startTime,
      endTime: r.endTime,
    })),
    closedOnHolidays: form.closedOnHolidays,
    closedYearEnd: form.closedYearEnd,
    closedDates: sortedUnique(form.closedDates),
    note: form.note.trim() || null,
  };
}

/** The openings box: empty means 「未登録」 (null); otherwise a whole number of people, 0 meaning full. */
export function parseOpenings(value: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = value.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (trimmed === "") return { ok: true, value: null };
  if (!/^\d{1,6}$/.test(trimmed)) return { ok: false };
  return { ok: true, value: Number(trimmed) };
}

/** A listing with no schedule yet (a new one): no rules, open on holidays. */
export const EMPTY_SCHEDULE_FORM: ScheduleForm = {
  rules: [],
  closedOnHolidays: false,
  closedYearEnd: false,
  closedDates: [],
  note: "",
};
