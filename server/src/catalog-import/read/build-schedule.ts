import { parseTime } from "@tsunagu/calendar";
import {
  ScheduleFrequency,
  type ScheduleRuleValue,
  type ScheduleValue,
  type Weekday,
} from "../../schedules/schedule.value.js";
import { MAX_RULES } from "../../schedules/schedule.types.js";
import { coerceTime } from "./coerce-time.js";
import { coerceWeekdays } from "./coerce-weekdays.js";
import { readScheduleText } from "./parse-schedule-text.js";
import type { RowLog } from "./repair-log.js";

export interface Cell {
  column: string;
  raw: string;
}

export interface ScheduleInputs {
  weekdays?: Cell;
  start?: Cell;
  end?: Cell;
  /** 開催頻度, 開催日, 特記事項, 定休日…: read for patterns, and kept as the schedule's note. */
  texts: Cell[];
  /**
   * Whether a weekday column alone means "every week": yes for a facility's 利用可能曜日 (正式版, 高松市), no for a
   * 子ども食堂's 開催曜日, which is often monthly and has a separate 開催頻度.
   */
  weekdaysMeanWeekly: boolean;
  /** MHLW 通いの場: times per day class (平日, 土曜, 日曜) without saying which weeks. */
  dayClassTimes?: { label: string; days: Weekday[]; start?: Cell; end?: Cell }[];
  /** イベント一覧: 開始日–終了日 ("YYYY-MM-DD", already coerced). */
  dates?: string[];
}

type Pattern = Pick<ScheduleRuleValue, "frequency" | "weekdays" | "nthWeeks" | "dates">;
type TimeRange = { start: string; end: string };

/**
 * Patterns and rules are written out field by field, not as `{ ...pattern, startTime }`: on Node 20's V8 an object
 * spread followed by more properties gives every object a hidden class of its own (see import-plan.ts, plannedRow),
 * and an import makes one rule per row.
 */
const patternOf = (p: Pattern, weekdays: Weekday[]): Pattern => ({
  frequency: p.frequency,
  weekdays,
  nthWeeks: p.nthWeeks,
  dates: p.dates,
});

const ruleOf = (p: Pattern, time: TimeRange): ScheduleRuleValue => ({
  frequency: p.frequency,
  weekdays: p.weekdays,
  nthWeeks: p.nthWeeks,
  dates: p.dates,
  startTime: time.start,
  endTime: time.end,
});

const weekly = (weekdays: Weekday[]): Pattern => ({
  frequency: ScheduleFrequency.WEEKLY,
  weekdays,
  nthWeeks: [],
  dates: [],
});

/**
 * The listing's schedule from its columns and free text. A rule is made only when both the days and the times are
 * clear; whatever is not understood stays in `note` and puts a 要確認 on the row. Undefined when the file says
 * nothing about the schedule.
 */
export function buildSchedule(inputs: ScheduleInputs, log: RowLog): ScheduleValue | undefined {
  const reviewsBefore = log.needsReview.length;
  const texts = inputs.texts.filter((t) => t.raw.trim() !== "").map((t) => ({ column: t.column, raw: t.raw.trim() }));
  let columnDays: Weekday[] | null = null;
  if (inputs.weekdays && inputs.weekdays.raw.trim() !== "") {
    columnDays = coerceWeekdays(inputs.weekdays.raw, inputs.weekdays.column, log);
    if (!columnDays) texts.unshift({ column: inputs.weekdays.column, raw: inputs.weekdays.raw.trim() });
  }
  const columnTimes = readTimeColumns(inputs.start, inputs.end, log, texts);

  const readings = texts.map((t) => readScheduleText(t.raw));
  const nth = readings.flatMap((r) => r.nth);
  const monthly = readings.find((r) => r.monthlyCount)?.monthlyCount;
  const nthSessions = nth.reduce((n, spec) => n + spec.weeks.length * spec.days.length, 0);
  // 「月2回」 with 「第2・第4火曜」 elsewhere in the row is consistent; 「月1回」 alone does not say which week.
  const blocking =
    readings.find((r) => r.blocking)?.blocking ??
    (monthly && monthly.count !== nthSessions ? `「${monthly.text}」だけでは第何週に開催するか分かりません` : null);
  const everyWeek = readings.some((r) => r.everyWeek);
  const textWeekly = readings.find((r) => r.weekly)?.weekly ?? null;
  const textTimes = readings.flatMap((r) => r.times);

  const patterns: Pattern[] = [];
  if (inputs.dates?.length) {
    patterns.push({ frequency: ScheduleFrequency.SPECIFIC_DATES, weekdays: [], nthWeeks: [], dates: inputs.dates });
  } else if (nth.length) {
    for (const spec of nth) {
      const same = patterns.find((p) => p.nthWeeks.join() === spec.weeks.join());
      if (same) same.weekdays = [...new Set([...same.weekdays, ...spec.days])];
      else
        patterns.push({
          frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY,
          weekdays: [...spec.days],
          nthWeeks: [...spec.weeks],
          dates: [],
        });
    }
  } else if (textWeekly) {
    patterns.push(weekly([...textWeekly]));
  } else if (columnDays?.length && (inputs.weekdaysMeanWeekly || everyWeek)) {
    patterns.push(weekly(columnDays));
  } else if (columnDays?.length) {
    log.review(
      `「${inputs.weekdays!.column}」の曜日だけでは毎週か月に何回かが分からないため、開催日程をメモとして残しました`,
    );
  }
  // A 第n曜日 pattern in the text that names no weekday of its own ("第2・第4") takes the weekday column's.
  for (const p of patterns) if (p.weekdays.length === 0 && columnDays) p.weekdays = columnDays;

  let times: TimeRange[] = columnTimes ? [columnTimes] : textTimes;
  let dayClassPatterns: { pattern: Pattern; time: TimeRange }[] = [];
  if (inputs.dayClassTimes) {
    const classes = inputs.dayClassTimes
      .map((c) => ({ label: c.label, days: c.days, time: readTimeColumns(c.start, c.end, log, texts) }))
      .filter((c) => c.time);
    if (classes.length && patterns.length) {
      // The text's pattern says which weeks; each of its days takes the times of its day class (平日/土曜/日曜).
      dayClassPatterns = patterns.flatMap((pattern) =>
        classes.flatMap((c) => {
          const days = pattern.weekdays.filter((d) => c.days.includes(d));
          return days.length ? [{ pattern: patternOf(pattern, days), time: c.time! }] : [];
        }),
      );
    } else if (classes.length) {
      log.review(
        `運営日（${classes.map((c) => c.label).join("・")}）の時間はありますが、何曜日・第何週かが書かれていないため、メモとして残しました`,
      );
    }
    times = [];
  }

  const rules: ScheduleRuleValue[] = [];
  if (blocking) {
    log.review(`${blocking}（要確認：開催日程はメモとして残しました）`);
  } else if (dayClassPatterns.length) {
    for (const { pattern, time } of dayClassPatterns) rules.push(ruleOf(pattern, time));
  } else if (patterns.length && times.length) {
    for (const pattern of patterns) for (const t of times) rules.push(ruleOf(pattern, t));
  } else if (patterns.length && !inputs.dayClassTimes) {
    log.review("開催時間が書かれていないため、開催日程をメモとして残しました");
  } else if (times.length && !patterns.length && !columnDays) {
    log.review("開催時間はありますが曜日・日付が書かれていないため、メモとして残しました");
  }
  const valid = rules.filter((r) => (parseTime(r.endTime) ?? 0) > (parseTime(r.startTime) ?? 0));
  if (valid.length < rules.length) {
    log.review("終了時間が開始時間より前の開催ルールがあるため、メモとして残しました");
    for (const r of rules)
      if (!valid.includes(r)) texts.push({ column: "開催時間", raw: `${r.startTime}～${r.endTime}` });
  }
  if (valid.length > MAX_RULES)
    log.review(`開催ルールが${MAX_RULES}件を超えるため、先頭の${MAX_RULES}件だけを読みました`);
  if (rules.length && readings.some((r) => r.leftover))
    log.review("開催日時の特記事項に読み取れない内容があります（メモを確認してください）");
  else if (!rules.length && texts.length && log.needsReview.length === reviewsBefore)
    log.review("開催日時を読み取れなかったため、メモとして残しました");

  if (!valid.length) {
    // No rule: the weekday and time columns would be lost, so they join the note.
    if (columnDays && inputs.weekdays)
      texts.unshift({ column: inputs.weekdays.column, raw: inputs.weekdays.raw.trim() });
    if (columnTimes) texts.push({ column: "開催時間", raw: `${columnTimes.start}～${columnTimes.end}` });
  }
  const closedOnHolidays = readings.some((r) => r.closedOnHolidays);
  const closedYearEnd = readings.some((r) => r.closedYearEnd);
  const note = texts.length ? texts.map((t) => (texts.length > 1 ? `${t.column}：${t.raw}` : t.raw)).join("\n") : null;
  if (!valid.length && !note && !closedOnHolidays && !closedYearEnd) return undefined;
  return { rules: valid.slice(0, MAX_RULES), closedOnHolidays, closedYearEnd, closedDates: [], note };
}

/** Start and end columns as a time range; a value that is not a time is kept with the texts (and flagged). */
function readTimeColumns(start: Cell | undefined, end: Cell | undefined, log: RowLog, texts: Cell[]): TimeRange | null {
  const s = start && start.raw.trim() !== "" ? coerceTime(start.raw, start.column, log) : null;
  const e = end && end.raw.trim() !== "" ? coerceTime(end.raw, end.column, log, true) : null;
  for (const [cell, value] of [
    [start, s],
    [end, e],
  ] as const) {
    if (cell && cell.raw.trim() !== "" && value === null) {
      log.review(`「${cell.column}」の「${cell.raw.trim()}」を時刻として読めませんでした`);
      texts.push({ column: cell.column, raw: cell.raw.trim() });
    }
  }
  return s && e ? { start: s, end: e } : null;
}
