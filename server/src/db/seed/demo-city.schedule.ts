/**
 * Schedules for demo listings: mostly 毎週 (1–2 weekdays) or 第n曜日, a few specific dates in 2026-12 … 2027-03.
 */
import { WEEKDAY_LABELS } from "@tsunagu/calendar";
import {
  ScheduleFrequency,
  WEEKDAYS_IN_ORDER,
  Weekday,
  type ScheduleRuleValue,
  type ScheduleValue,
} from "../../schedules/schedule.value.js";
import { NOTES } from "./demo-city.names.js";
import { WEEKDAYS_MON_FRI, type Recipe } from "./demo-city.recipes.js";
import type { Rng, Weighted } from "./rng.js";

const { WEEKLY, MONTHLY_NTH_WEEKDAY, SPECIFIC_DATES } = ScheduleFrequency;

/** Dates from 2026-12-01 to 2027-03-31 per weekday, with their week-of-month (1–5) and whether last in month. */
interface Day {
  date: string;
  month: string;
  nth: number;
  last: boolean;
}

const DAYS_BY_WEEKDAY: ReadonlyMap<Weekday, readonly Day[]> = (() => {
  const map = new Map<Weekday, Day[]>(WEEKDAYS_IN_ORDER.map((w) => [w, []]));
  const start = Date.UTC(2026, 11, 1);
  const end = Date.UTC(2027, 2, 31);
  for (let t = start; t <= end; t += 86_400_000) {
    const d = new Date(t);
    const date = d.toISOString().slice(0, 10);
    const dom = d.getUTCDate();
    const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    map.get(WEEKDAYS_IN_ORDER[d.getUTCDay()])!.push({
      date,
      month: date.slice(0, 7),
      nth: Math.ceil(dom / 7),
      last: dom + 7 > daysInMonth,
    });
  }
  return map;
})();

const NTH_PATTERNS: readonly Weighted<readonly number[]>[] = [
  [[1, 3], 5],
  [[2, 4], 5],
  [[1], 2],
  [[2], 2],
  [[3], 2],
  [[4], 1],
  [[-1], 2],
  [[2, -1], 0.5],
];

/** 年末年始 12/29–1/3: no one-off events are planned then. */
const isYearEnd = (date: string): boolean => date >= "2026-12-29" && date <= "2027-01-03";

const byWeekdayOrder = (a: Weekday, b: Weekday): number => WEEKDAYS_IN_ORDER.indexOf(a) - WEEKDAYS_IN_ORDER.indexOf(b);

function sessionDays(rule: ScheduleRuleValue): Day[] {
  const out: Day[] = [];
  for (const w of rule.weekdays) {
    for (const d of DAYS_BY_WEEKDAY.get(w) ?? []) {
      if (d.month < "2027-01") continue; // 臨時休止 only after the year end
      if (rule.frequency === WEEKLY || rule.nthWeeks.some((n) => n === d.nth || (n === -1 && d.last))) out.push(d);
    }
  }
  return out;
}

export function buildSchedule(rng: Rng, recipe: Recipe): ScheduleValue {
  const [w, m, d] = recipe.sched ?? [6, 3, 0.3];
  const frequency = rng.pickWeighted<ScheduleFrequency>([
    [WEEKLY, w],
    [MONTHLY_NTH_WEEKDAY, m],
    [SPECIFIC_DATES, d],
  ]);
  const pool = recipe.dayPool ?? WEEKDAYS_MON_FRI;
  const [startTime, endTime] = rng.pick(recipe.times).split("-") as [string, string];
  const rule: ScheduleRuleValue = { frequency, weekdays: [], nthWeeks: [], dates: [], startTime, endTime };

  if (frequency === WEEKLY) {
    const [lo, hi] = recipe.days ?? [1, 2];
    rule.weekdays = rng.sample(pool, rng.int(lo, hi)).sort(byWeekdayOrder);
  } else if (frequency === MONTHLY_NTH_WEEKDAY) {
    rule.weekdays = [rng.pick(pool)];
    rule.nthWeeks = [...rng.pickWeighted(NTH_PATTERNS)];
  } else {
    const days = (DAYS_BY_WEEKDAY.get(rng.pick(pool)) ?? []).filter((x) => !isYearEnd(x.date));
    rule.dates = rng
      .sample(days, rng.int(2, 5))
      .map((x) => x.date)
      .sort();
  }

  const closedDates =
    frequency !== SPECIFIC_DATES && rng.chance(0.15)
      ? rng
          .sample(sessionDays(rule), rng.int(1, 2))
          .map((x) => x.date)
          .sort()
      : [];
  let note: string | null = recipe.note ?? null;
  if (note === null && recipe.notes && rng.chance(0.4)) note = rng.pick(NOTES[recipe.notes]);
  else if (note === null && rng.chance(0.1)) note = rng.pick(NOTES.general);

  return {
    rules: [rule],
    closedOnHolidays: rng.chance(0.85),
    closedYearEnd: rng.chance(0.9),
    closedDates,
    note,
  };
}

/** 「毎週火・金 10:00〜11:30」 for descriptions. */
export function scheduleText(schedule: ScheduleValue): string {
  const rule = schedule.rules[0];
  if (!rule) return "";
  const time = `${rule.startTime}〜${rule.endTime}`;
  if (rule.frequency === WEEKLY) return `毎週${rule.weekdays.map((x) => WEEKDAY_LABELS[x]).join("・")}曜 ${time}`;
  if (rule.frequency === MONTHLY_NTH_WEEKDAY) {
    const nth = rule.nthWeeks.map((n) => (n === -1 ? "最終" : `第${n}`)).join("・");
    return `毎月${nth}${WEEKDAY_LABELS[rule.weekdays[0]]}曜 ${time}`;
  }
  return `${rule.dates.map((x) => `${Number(x.slice(5, 7))}/${Number(x.slice(8, 10))}`).join("・")} ${time}`;
}
