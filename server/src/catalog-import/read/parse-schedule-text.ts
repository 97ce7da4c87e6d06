import type { Weekday } from "../../schedules/schedule.value.js";
import { WEEKDAYS_IN_ORDER } from "../../schedules/schedule.value.js";
import { inWeekOrder, parseWeekdayText, WEEKDAYS_MON_FRI, weekdayOfKanji } from "./coerce-weekdays.js";

/** What one free-text cell says about when a place is open, as far as it says it without ambiguity. */
export interface ScheduleTextReading {
  /** 第2・第4火曜 → { weeks: [2, 4], days: [TUE] }; 最終土曜 → weeks [-1]. */
  nth: { weeks: number[]; days: Weekday[] }[];
  /** 毎週水曜, 毎日, 平日, 月～金: weekly on these days. */
  weekly: Weekday[] | null;
  times: { start: string; end: string }[];
  closedOnHolidays: boolean;
  closedYearEnd: boolean;
  /** 「毎週」 with no weekday of its own: the weekday column's days are weekly. */
  everyWeek: boolean;
  /** 「月2回」: how many sessions a month the text says (checked against the 第n weeks of the whole row). */
  monthlyCount: { text: string; count: number } | null;
  /** Why no rule may be made from this text (隔週, 不定期…), or null. */
  blocking: string | null;
  /** Whether words are left that the reading did not use (then a person should read the note). */
  leftover: boolean;
}

const KANJI_NUMBERS: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4", 五: "5" };
const DAY = "[日月火水木金土]";
// Every pattern is compiled once, here: the reader runs them on each of 100,000 rows.
const NTH = new RegExp(
  `(?:毎月)?第\\s*(\\d(?:\\s*(?:[・,、と~]|及び)?\\s*第?\\s*\\d)*)\\s*[・の]?\\s*(${DAY})(?:曜日?)?`,
  "g",
);
const LAST = new RegExp(`(?:毎月)?最終(?:の)?\\s*(${DAY})(?:曜日?)?`, "g");
const WEEKLY = new RegExp(`毎週\\s*(${DAY}(?:曜日?)?(?:\\s*[・,、と]\\s*${DAY}(?:曜日?)?)*)`, "g");
const WEEKDAY_RANGE = new RegExp(`(?<![\\d年])(${DAY})(?:曜日?)?\\s*~\\s*(${DAY})(?:曜日?)?`, "g");
const EVERY_DAY = /平日毎日|毎日|平日/g;
const TIME = "(午前|午後)?(\\d{1,2})(?::(\\d{2})|時(?:(\\d{1,2})分|(半))?)";
const TIME_RANGE = new RegExp(`${TIME}\\s*(?:~|-|から)\\s*${TIME}`, "g");
const HOLIDAY_CLOSED =
  /(?:祝日|祝祭日|祭日|国民の休日)[^。]*?(?:休|利用不可|閉館|除く)|(?:休館日|定休日|休み)[^。]*?祝日/;
const YEAR_END =
  /(?:年末年始|12\/29\s*~\s*1\/3|12月29日\s*(?:から|~)\s*(?:翌年)?\s*1月3日)[^。]*?(?:休|不可|閉館)|(?:休館日|定休日|休み)[^。]*?(?:年末年始|12\/29\s*~\s*1\/3)/;
const YEAR_END_WORDS = /年末年始|12\/29\s*~\s*1\/3|12月29日\s*(?:から|~)\s*(?:翌年)?\s*1月3日/g;
const HOLIDAY_WORDS = /祝日|祝祭日|祭日|国民の休日/g;
const MONTHLY_COUNT = /月\s*([1-9一二三四])\s*回|毎月\s*([1-9])\s*回/;
const BLOCKERS: [RegExp, string][] = [
  [/隔週/, "「隔週」は起点の週が分かりません"],
  [/不定期|不定/, "不定期の開催です"],
  [/偶数月|奇数月/, "偶数月・奇数月だけの開催は表せません"],
  [/[2-9二三四六]\s*[かヶケカ箇]月に/, "数か月に1回の開催は表せません"],
  [/毎月\s*\d{1,2}\s*日|\d{1,2}日\s*[・、]\s*\d{1,2}日/, "毎月の日付による開催（毎月12日など）は表せません"],
  [/休止|休業中/, "休止中と書かれています"],
  [/^\d$/, "開催頻度がコードで書かれていて、意味が分かりません"],
];
/** Words that carry no schedule information once the patterns above are taken out. */
const FILLER =
  /毎月|毎週|開催|曜日|曜|は|を|に|の|で|と|、|。|・|,|\.|\(|\)|\[|\]|\s|原則|及び|頃|から|まで|休み|お休み|休館|休業|終日|利用不可|利用|除く|月|回|~|-|:|\/|日/g;

const normalise = (text: string): string =>
  text
    .normalize("NFKC")
    .replace(/[〜～]/g, "~")
    .replace(/第([一二三四五])/g, (_, k: string) => `第${KANJI_NUMBERS[k]}`)
    .replace(
      /([・、])第?([一二三四五])(?=[・、]|[日月火水木金土])/g,
      (_, sep: string, k: string) => `${sep}${KANJI_NUMBERS[k]}`,
    );

const pad = (n: number) => String(n).padStart(2, "0");
const timeOf = (
  h: string,
  m: string | undefined,
  kanjiMin: string | undefined,
  half: string | undefined,
  pm: boolean,
) => {
  const hour = Number(h) + (pm && Number(h) < 12 ? 12 : 0);
  const minute = half ? 30 : Number(m ?? kanjiMin ?? 0);
  return hour <= 23 && minute <= 59 ? `${pad(hour)}:${pad(minute)}` : null;
};

const parseWeeks = (spec: string): number[] => {
  const weeks = new Set<number>();
  const range = /^(\d)\s*~\s*第?\s*(\d)$/.exec(spec.trim());
  if (range) for (let w = Number(range[1]); w <= Number(range[2]); w++) weeks.add(w);
  else for (const d of spec.match(/\d/g) ?? []) weeks.add(Number(d));
  return [...weeks].filter((w) => w >= 1 && w <= 5).sort((a, b) => a - b);
};

/**
 * Cities repeat the same notes on thousands of rows (「祝日は休み」): readings are remembered by text. Bounded, so
 * that a file of unique notes does not grow it without limit. A reading is shared: callers must not mutate it.
 */
const MEMO = new Map<string, Readonly<ScheduleTextReading>>();
const MEMO_LIMIT = 5000;

/** Reads one cell of free text. Only what it says unambiguously becomes a pattern; the rest is `blocking`/`leftover`. */
export function readScheduleText(raw: string): Readonly<ScheduleTextReading> {
  let reading = MEMO.get(raw);
  if (!reading) {
    if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
    reading = readUncached(raw);
    MEMO.set(raw, reading);
  }
  return reading;
}

function readUncached(raw: string): ScheduleTextReading {
  const text = normalise(raw);
  const reading: ScheduleTextReading = {
    nth: [],
    weekly: null,
    times: [],
    closedOnHolidays: HOLIDAY_CLOSED.test(text),
    closedYearEnd: YEAR_END.test(text),
    everyWeek: /毎週/.test(text),
    monthlyCount: null,
    blocking: null,
    leftover: false,
  };
  let rest = text;
  const whole = parseWeekdayText(text);
  if (whole) {
    reading.weekly = whole.days;
    rest = "";
  }
  for (const m of text.matchAll(NTH)) {
    const day = weekdayOfKanji(m[2]);
    const weeks = parseWeeks(m[1]);
    if (day && weeks.length) reading.nth.push({ weeks, days: [day] });
  }
  for (const m of text.matchAll(LAST)) {
    const day = weekdayOfKanji(m[1]);
    if (day) reading.nth.push({ weeks: [-1], days: [day] });
  }
  const weekly = new Set<Weekday>(reading.weekly ?? []);
  for (const m of text.matchAll(WEEKLY)) for (const c of m[1]) if (weekdayOfKanji(c)) weekly.add(weekdayOfKanji(c)!);
  for (const m of text.matchAll(WEEKDAY_RANGE)) {
    const from = WEEKDAYS_IN_ORDER.indexOf(weekdayOfKanji(m[1])!);
    const to = WEEKDAYS_IN_ORDER.indexOf(weekdayOfKanji(m[2])!);
    for (let i = from; ; i = (i + 1) % 7) {
      weekly.add(WEEKDAYS_IN_ORDER[i]);
      if (i === to) break;
    }
  }
  for (const m of text.matchAll(EVERY_DAY))
    for (const d of m[0] === "毎日" ? WEEKDAYS_IN_ORDER : WEEKDAYS_MON_FRI) weekly.add(d);
  if (weekly.size) reading.weekly = inWeekOrder(weekly);
  for (const m of text.matchAll(TIME_RANGE)) {
    // 「午後5時から7時まで」: the start's 午後 carries over to an end written without one.
    const startPm = m[1] === "午後";
    const endPm = m[6] === "午後" || (m[6] === undefined && startPm && Number(m[7]) < 12);
    const start = timeOf(m[2], m[3], m[4], m[5], startPm);
    const end = timeOf(m[7], m[8], m[9], m[10], endPm);
    if (start && end) reading.times.push({ start, end });
  }
  const monthly = MONTHLY_COUNT.exec(text);
  if (monthly) {
    const count = Number(KANJI_NUMBERS[monthly[1]] ?? monthly[1] ?? monthly[2]);
    reading.monthlyCount = { text: monthly[0].replace(/\s/g, ""), count };
  }
  for (const [pattern, reason] of BLOCKERS) if (!reading.blocking && pattern.test(text)) reading.blocking = reason;
  rest = rest
    .replace(NTH, "")
    .replace(LAST, "")
    .replace(WEEKLY, "")
    .replace(WEEKDAY_RANGE, "")
    .replace(EVERY_DAY, "")
    .replace(TIME_RANGE, "")
    .replace(MONTHLY_COUNT, "")
    .replace(YEAR_END_WORDS, "")
    .replace(HOLIDAY_WORDS, "")
    .replace(FILLER, "");
  reading.leftover = rest.length > 0;
  return reading;
}
