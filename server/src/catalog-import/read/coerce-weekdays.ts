import { WEEKDAYS_IN_ORDER, Weekday } from "../../schedules/schedule.value.js";
import type { RowLog } from "./repair-log.js";
import { asciiFold } from "./text-normalise.js";

const KANJI_DAYS: Record<string, Weekday> = {
  日: Weekday.SUN,
  月: Weekday.MON,
  火: Weekday.TUE,
  水: Weekday.WED,
  木: Weekday.THU,
  金: Weekday.FRI,
  土: Weekday.SAT,
};
const ENGLISH_DAYS: Record<string, Weekday> = {
  sun: Weekday.SUN,
  mon: Weekday.MON,
  tue: Weekday.TUE,
  wed: Weekday.WED,
  thu: Weekday.THU,
  fri: Weekday.FRI,
  sat: Weekday.SAT,
};
const WEEKDAYS_MON_FRI = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI];

/** `月,水,金` / `月・水` / `月曜日、水曜日`: the published form, one day per item. */
const LISTED = /^[日月火水木金土](?:曜日?)?(?:\s*[,、・･/／\s]\s*[日月火水木金土](?:曜日?)?)*$/;
/** `月火水木金土`: days run together. */
const RUN_TOGETHER = /^[日月火水木金土]{2,7}$/;
/** `月～金`, `月曜～金曜日` */
const RANGE = /^([日月火水木金土])(?:曜日?)?\s*[~〜～\-－ー]\s*([日月火水木金土])(?:曜日?)?$/;
const ENGLISH = /^(?:(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?\s*[,/\s]\s*)*(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?$/i;

const inWeekOrder = (days: Iterable<Weekday>): Weekday[] => {
  const set = new Set(days);
  return WEEKDAYS_IN_ORDER.filter((d) => set.has(d));
};

/** The weekdays written in a text that is nothing but weekdays, or null (the caller then reads it as free text). */
export function parseWeekdayText(text: string): { days: Weekday[]; rule: string | null } | null {
  const folded = asciiFold(text).replace(/\s+/g, "");
  if (folded === "") return null;
  if (LISTED.test(folded)) {
    const days = inWeekOrder([...folded.replace(/曜日?/g, "")].flatMap((c) => KANJI_DAYS[c] ?? []));
    return { days, rule: null };
  }
  if (RUN_TOGETHER.test(folded))
    return { days: inWeekOrder([...folded].map((c) => KANJI_DAYS[c])), rule: "WEEKDAY_STRING" };
  const range = RANGE.exec(folded);
  if (range) {
    const from = WEEKDAYS_IN_ORDER.indexOf(KANJI_DAYS[range[1]]);
    const to = WEEKDAYS_IN_ORDER.indexOf(KANJI_DAYS[range[2]]);
    const days: Weekday[] = [];
    for (let i = from; ; i = (i + 1) % 7) {
      days.push(WEEKDAYS_IN_ORDER[i]);
      if (i === to) break;
    }
    return { days: inWeekOrder(days), rule: "WEEKDAY_RANGE" };
  }
  if (folded === "平日") return { days: WEEKDAYS_MON_FRI, rule: "WEEKDAY_WORD" };
  if (folded === "毎日" || folded === "全日") return { days: [...WEEKDAYS_IN_ORDER], rule: "WEEKDAY_WORD" };
  if (folded === "土日" || folded === "土・日") return { days: [Weekday.SUN, Weekday.SAT], rule: "WEEKDAY_STRING" };
  if (ENGLISH.test(folded)) {
    const days = (folded.toLowerCase().match(/sun|mon|tue|wed|thu|fri|sat/g) ?? []).map((d) => ENGLISH_DAYS[d]);
    return { days: inWeekOrder(days), rule: "WEEKDAY_ENGLISH" };
  }
  return null;
}

/** A weekday column's value as weekdays, with the repair reported; null when it is not only weekdays. */
export function coerceWeekdays(raw: string, column: string, log: RowLog): Weekday[] | null {
  const parsed = parseWeekdayText(raw);
  if (!parsed) return null;
  if (parsed.rule) log.repair(column, raw.trim(), parsed.days.join(","), parsed.rule);
  return parsed.days;
}

export const weekdayOfKanji = (c: string): Weekday | undefined => KANJI_DAYS[c];
export { inWeekOrder, WEEKDAYS_MON_FRI };
