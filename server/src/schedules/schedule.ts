import holidayJp from "@holiday-jp/holiday_jp";
import {
  DAY_MS,
  formatDay,
  formatJapaneseDate,
  formatJapaneseMonthDay,
  jstInstant,
  parseDay,
  parseTime,
  today,
  WEEKDAY_LABELS,
} from "@tsunagu/calendar";
import {
  ScheduleFrequency,
  TimeBand,
  WEEKDAYS_IN_ORDER,
  Weekday,
  weekdayOfDay,
  type ScheduleRuleValue,
  type ScheduleValue,
  type SessionValue,
} from "./schedule.value";

export type { SessionValue } from "./schedule.value";

/** Most sessions one call returns; a listing page shows a handful, and this keeps a hostile `count` cheap. */
export const MAX_SESSIONS = 50;
/**
 * How far ahead `nextSessions` looks. Without a bound a schedule that never occurs (all days closed,
 * only past dates) would loop forever; two years is beyond anything a 通いの場 publishes.
 */
const SCAN_DAYS = 2 * 366;

/** Keyed by "YYYY-MM-DD"; includes 振替休日 and 国民の休日. Typed loosely so any date string can be looked up. */
const HOLIDAYS: Readonly<Record<string, unknown>> = holidayJp.holidays;

export function isJapaneseHoliday(date: string): boolean {
  return Object.hasOwn(HOLIDAYS, date);
}

/** 年末年始 as most municipal facilities observe it: 12/29–1/3. */
export function isYearEndClosure(date: string): boolean {
  const md = date.slice(5);
  return md >= "12-29" || md <= "01-03";
}

interface DayInfo {
  day: number;
  date: string;
  weekday: Weekday;
  dayOfMonth: number;
  daysInMonth: number;
}

/**
 * The facts of a calendar day never change, and every listing of a page scans the same days from today: kept once
 * computed (frozen, shared by every caller). Bounded: emptied when it holds more than a few years of days.
 */
const DAY_INFO = new Map<number, Readonly<DayInfo>>();
const DAY_INFO_MAX = 4 * 366;

function dayInfo(day: number): Readonly<DayInfo> {
  let info = DAY_INFO.get(day);
  if (info) return info;
  const t = new Date(day * DAY_MS);
  info = Object.freeze({
    day,
    date: formatDay(day),
    weekday: weekdayOfDay(day),
    dayOfMonth: t.getUTCDate(),
    daysInMonth: new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate(),
  });
  if (DAY_INFO.size >= DAY_INFO_MAX) DAY_INFO.clear();
  DAY_INFO.set(day, info);
  return info;
}

interface CompiledRule {
  start: number;
  end: number;
  startTime: string;
  endTime: string;
  matches: (d: Readonly<DayInfo>) => boolean;
}

/** Null for a rule that can never produce a session (stored data is validated on input, but be robust). */
function compileRule(rule: ScheduleRuleValue): CompiledRule | null {
  const start = parseTime(rule.startTime);
  const end = parseTime(rule.endTime);
  if (start === null || end === null || end <= start) return null;
  const weekdays = new Set(rule.weekdays);
  let matches: (d: DayInfo) => boolean;
  switch (rule.frequency) {
    case ScheduleFrequency.WEEKLY:
      matches = (d) => weekdays.has(d.weekday);
      break;
    case ScheduleFrequency.MONTHLY_NTH_WEEKDAY: {
      const nth = new Set(rule.nthWeeks);
      matches = (d) =>
        weekdays.has(d.weekday) &&
        (nth.has(Math.ceil(d.dayOfMonth / 7)) || (nth.has(-1) && d.dayOfMonth + 7 > d.daysInMonth));
      break;
    }
    case ScheduleFrequency.SPECIFIC_DATES: {
      const dates = new Set(rule.dates);
      matches = (d) => dates.has(d.date);
      break;
    }
    default:
      return null;
  }
  return { start, end, startTime: rule.startTime, endTime: rule.endTime, matches };
}

function isClosed(schedule: ScheduleValue, closedDates: ReadonlySet<string>, date: string): boolean {
  return (
    closedDates.has(date) ||
    (schedule.closedOnHolidays && isJapaneseHoliday(date)) ||
    (schedule.closedYearEnd && isYearEndClosure(date))
  );
}

/**
 * The next `count` (≤ 50) sessions whose end is after `from` — a session already under way still
 * counts, since people can often join late. All rules are merged in chronological order; the same
 * date + time produced by two rules appears once. Closures (祝日, 年末年始, 臨時休止) are skipped.
 */
export function nextSessions(schedule: ScheduleValue, from: Date, count: number): SessionValue[] {
  const fromMs = from.getTime();
  if (Number.isNaN(fromMs)) throw new RangeError("nextSessions: `from` is an invalid Date");
  const limit = Math.min(Math.floor(count), MAX_SESSIONS);
  const rules = schedule.rules.map(compileRule).filter((r): r is CompiledRule => r !== null);
  if (!(limit > 0) || rules.length === 0) return [];

  const closedDates = new Set(schedule.closedDates);
  const firstDay = parseDay(today(from)) as number;
  const sessions: SessionValue[] = [];
  for (let day = firstDay; day < firstDay + SCAN_DAYS; day++) {
    const d = dayInfo(day);
    if (isClosed(schedule, closedDates, d.date)) continue;
    let slots: Map<string, CompiledRule> | undefined;
    for (const rule of rules) {
      if (rule.matches(d)) (slots ??= new Map()).set(`${rule.startTime}-${rule.endTime}`, rule);
    }
    if (!slots) continue;
    const ordered = [...slots.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const slot of ordered) {
      const endsAt = jstInstant(day, slot.end);
      if (endsAt.getTime() <= fromMs) continue;
      sessions.push({
        date: d.date,
        weekday: d.weekday,
        startTime: slot.startTime,
        endTime: slot.endTime,
        startsAt: jstInstant(day, slot.start),
        endsAt,
        label: `${formatJapaneseDate(d.date)} ${slot.startTime}〜${slot.endTime}`,
      });
      if (sessions.length === limit) return sessions;
    }
  }
  return sessions;
}

// Text follows the Japanese convention of listing weekdays Monday first (「土・日」, not 「日・土」).
const WEEKDAYS_MONDAY_FIRST: readonly Weekday[] = [...WEEKDAYS_IN_ORDER.slice(1), Weekday.SUN];
/** Specific dates beyond this many are abbreviated to the first 3 + 「ほか N日」. */
const MAX_DATES_SHOWN = 4;

function weekdayText(weekdays: readonly Weekday[]): string {
  return WEEKDAYS_MONDAY_FIRST.filter((w) => weekdays.includes(w))
    .map((w) => WEEKDAY_LABELS[w])
    .join("・");
}

function nthText(nthWeeks: readonly number[]): string {
  // 第1…第5 ascending, then 最終 (-1) last: 「第1・最終金曜」.
  const sorted = [...new Set(nthWeeks)].sort((a, b) => (a === -1 ? 1 : b === -1 ? -1 : a - b));
  return sorted.map((n) => (n === -1 ? "最終" : `第${n}`)).join("・");
}

function datesText(dates: readonly string[]): string | null {
  const valid = [...new Set(dates)].filter((d) => parseDay(d) !== null).sort();
  if (valid.length === 0) return null;
  const shown = valid.length > MAX_DATES_SHOWN ? valid.slice(0, 3) : valid;
  // The year is written on the first date and again only where it changes.
  const parts = shown.map((d, i) =>
    i > 0 && d.slice(0, 4) === shown[i - 1].slice(0, 4) ? formatJapaneseMonthDay(d) : formatJapaneseDate(d),
  );
  const rest = valid.length - shown.length;
  return parts.join("・") + (rest > 0 ? ` ほか${rest}日` : "");
}

function describeRule(rule: ScheduleRuleValue): string | null {
  let when: string | null = null;
  switch (rule.frequency) {
    case ScheduleFrequency.WEEKLY:
      if (rule.weekdays.length === 0) break;
      when = new Set(rule.weekdays).size === 7 ? "毎日" : `毎週${weekdayText(rule.weekdays)}`;
      break;
    case ScheduleFrequency.MONTHLY_NTH_WEEKDAY:
      if (rule.weekdays.length === 0 || rule.nthWeeks.length === 0) break;
      when = `${nthText(rule.nthWeeks)}${weekdayText(rule.weekdays)}曜`;
      break;
    case ScheduleFrequency.SPECIFIC_DATES:
      when = datesText(rule.dates);
      break;
  }
  return when === null ? null : `${when} ${rule.startTime}〜${rule.endTime}`;
}

/** Human-readable Japanese summary, e.g. 「毎週火・金 10:00〜11:30、第2・第4火曜 13:30〜15:00(祝日休み)」. */
export function describeSchedule(schedule: ScheduleValue): string {
  const rules = schedule.rules.map(describeRule).filter((t): t is string => t !== null);
  if (rules.length === 0) return "日程は要問い合わせ";
  const closures = [
    ...(schedule.closedOnHolidays ? ["祝日休み"] : []),
    ...(schedule.closedYearEnd ? ["年末年始休み"] : []),
  ];
  return rules.join("、") + (closures.length > 0 ? `(${closures.join("・")})` : "");
}

/** A rule that yields sessions: valid times and something to repeat on. Facets ignore the rest. */
function isUsable(rule: ScheduleRuleValue): boolean {
  return compileRule(rule) !== null && describeRule(rule) !== null;
}

/** Distinct weekdays the listing meets on, Sun..Sat (a search facet); SPECIFIC_DATES contribute their dates' weekdays. */
export function scheduleWeekdays(schedule: ScheduleValue): Weekday[] {
  const found = new Set<Weekday>();
  for (const rule of schedule.rules.filter(isUsable)) {
    if (rule.frequency === ScheduleFrequency.SPECIFIC_DATES) {
      for (const date of rule.dates) {
        const day = parseDay(date);
        if (day !== null) found.add(weekdayOfDay(day));
      }
    } else {
      rule.weekdays.forEach((w) => found.add(w));
    }
  }
  return WEEKDAYS_IN_ORDER.filter((w) => found.has(w));
}

export function timeBandOf(startTime: string): TimeBand | null {
  const start = parseTime(startTime);
  if (start === null) return null;
  return start < 12 * 60 ? TimeBand.MORNING : start < 17 * 60 ? TimeBand.AFTERNOON : TimeBand.EVENING;
}

/** Distinct 時間帯 of the rules' start times, in MORNING, AFTERNOON, EVENING order (a search facet). */
export function scheduleTimeBands(schedule: ScheduleValue): TimeBand[] {
  const found = new Set(schedule.rules.filter(isUsable).map((r) => timeBandOf(r.startTime)));
  return Object.values(TimeBand).filter((b) => found.has(b));
}
