import { describe, expect, it } from "vitest";
import {
  describeSchedule,
  isJapaneseHoliday,
  MAX_SESSIONS,
  nextSessions,
  scheduleTimeBands,
  scheduleWeekdays,
  timeBandOf,
} from "./schedule";
import { formatJapaneseDate, today } from "@tsunagu/calendar";
import {
  EMPTY_SCHEDULE,
  ScheduleFrequency,
  TimeBand,
  Weekday,
  type ScheduleRuleValue,
  type ScheduleValue,
} from "./schedule.value";

const { WEEKLY, MONTHLY_NTH_WEEKDAY, SPECIFIC_DATES } = ScheduleFrequency;
const { SUN, MON, TUE, WED, THU, FRI, SAT } = Weekday;

/** An instant given as JST wall-clock time: jst("2026-11-25T10:00"). */
const jst = (local: string): Date => new Date(`${local}:00+09:00`);

function rule(partial: Partial<ScheduleRuleValue> & Pick<ScheduleRuleValue, "frequency">): ScheduleRuleValue {
  return { weekdays: [], nthWeeks: [], dates: [], startTime: "10:00", endTime: "11:30", ...partial };
}
function schedule(rules: ScheduleRuleValue[], extra: Partial<ScheduleValue> = {}): ScheduleValue {
  return { ...EMPTY_SCHEDULE, rules, ...extra };
}
const dates = (s: ScheduleValue, from: Date, count: number) => nextSessions(s, from, count).map((x) => x.date);

describe("nextSessions", () => {
  const tueFri = schedule([rule({ frequency: WEEKLY, weekdays: [TUE, FRI] })]);

  it("walks a weekly rule across a month boundary and builds full session values", () => {
    const sessions = nextSessions(tueFri, jst("2026-11-25T00:00"), 4);
    expect(sessions.map((s) => s.date)).toEqual(["2026-11-27", "2026-12-01", "2026-12-04", "2026-12-08"]);
    expect(sessions[1]).toEqual({
      date: "2026-12-01",
      weekday: TUE,
      startTime: "10:00",
      endTime: "11:30",
      startsAt: new Date("2026-12-01T01:00:00.000Z"),
      endsAt: new Date("2026-12-01T02:30:00.000Z"),
      label: "2026年12月1日(火) 10:00〜11:30",
    });
  });

  it("finds 第2・第4火曜 across months", () => {
    const s = schedule([
      rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [TUE], nthWeeks: [2, 4], startTime: "13:30", endTime: "15:00" }),
    ]);
    expect(dates(s, jst("2026-11-20T00:00"), 5)).toEqual([
      "2026-11-24",
      "2026-12-08",
      "2026-12-22",
      "2027-01-12",
      "2027-01-26",
    ]);
  });

  it("finds the last Friday (-1) whether the month has 4 or 5 Fridays", () => {
    const s = schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [FRI], nthWeeks: [-1] })]);
    // Nov 2026 and Dec 2026 have 4 Fridays; Jan 2027 has 5 (1, 8, 15, 22, 29).
    expect(dates(s, jst("2026-11-01T00:00"), 3)).toEqual(["2026-11-27", "2026-12-25", "2027-01-29"]);
    // July 2026 ends on a Friday (31st): the 24th is not the last one.
    expect(dates(s, jst("2026-07-01T00:00"), 2)).toEqual(["2026-07-31", "2026-08-28"]);
  });

  it("finds 最終○曜 by the month's own length, in every month of a year", () => {
    const lastFri = schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [FRI], nthWeeks: [-1] })]);
    // 2027: Jan 1 is a Friday. April (30 days) follows February (28): the 23rd is not the last Friday, the 30th is.
    expect(dates(lastFri, jst("2027-01-01T00:00"), 12)).toEqual([
      "2027-01-29",
      "2027-02-26",
      "2027-03-26",
      "2027-04-30",
      "2027-05-28",
      "2027-06-25",
      "2027-07-30",
      "2027-08-27",
      "2027-09-24",
      "2027-10-29",
      "2027-11-26",
      "2027-12-31",
    ]);
    // August 2026 (31 days, two months after June's 30) ends on a Monday: the 31st is the last Monday, not the 24th.
    const lastMon = schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [MON], nthWeeks: [-1] })]);
    expect(dates(lastMon, jst("2026-08-01T00:00"), 2)).toEqual(["2026-08-31", "2026-09-28"]);
    // February 2028 (leap year, 29 days) ends on a Tuesday.
    const lastTue = schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [TUE], nthWeeks: [-1] })]);
    expect(dates(lastTue, jst("2028-02-01T00:00"), 2)).toEqual(["2028-02-29", "2028-03-28"]);
  });

  it("finds 第1 to 第4 by the day of the month: days 1–7 are the first week, 22–28 the fourth", () => {
    const nth = (n: number) => schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [SUN], nthWeeks: [n] })]);
    // Sundays of March 2026: 1, 8, 15, 22, 29.
    expect([1, 2, 3, 4, 5].map((n) => dates(nth(n), jst("2026-03-01T00:00"), 1)[0])).toEqual([
      "2026-03-01",
      "2026-03-08",
      "2026-03-15",
      "2026-03-22",
      "2026-03-29",
    ]);
    // Saturdays of November 2026: 7, 14, 21, 28 (the 7th is still the first week).
    const firstSat = schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [SAT], nthWeeks: [1] })]);
    expect(dates(firstSat, jst("2026-11-01T00:00"), 2)).toEqual(["2026-11-07", "2026-12-05"]);
  });

  it("only produces a 5th weekday in months that have one", () => {
    const s = schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [TUE], nthWeeks: [5] })]);
    expect(dates(s, jst("2026-12-01T00:00"), 2)).toEqual(["2026-12-29", "2027-03-30"]);
  });

  it("skips 勤労感謝の日 (2026-11-23, a Monday) only when closedOnHolidays", () => {
    const mondays = [rule({ frequency: WEEKLY, weekdays: [MON] })];
    expect(dates(schedule(mondays), jst("2026-11-17T00:00"), 2)).toEqual(["2026-11-23", "2026-11-30"]);
    expect(dates(schedule(mondays, { closedOnHolidays: true }), jst("2026-11-17T00:00"), 2)).toEqual([
      "2026-11-30",
      "2026-12-07",
    ]);
  });

  it("skips 振替休日 from the holiday data (2027-03-22, 2026-05-06)", () => {
    expect(isJapaneseHoliday("2027-03-22")).toBe(true); // 春分の日 (3/21, Sunday) 振替休日
    expect(isJapaneseHoliday("2026-05-06")).toBe(true); // こどもの日 振替休日
    const s = schedule([rule({ frequency: WEEKLY, weekdays: [MON, WED] })], { closedOnHolidays: true });
    expect(dates(s, jst("2027-03-16T00:00"), 3)).toEqual(["2027-03-17", "2027-03-24", "2027-03-29"]);
    expect(dates(s, jst("2026-05-01T00:00"), 2)).toEqual(["2026-05-11", "2026-05-13"]); // 5/4 みどりの日 too
  });

  it("skips 12/29–1/3 when closedYearEnd", () => {
    const daily = [rule({ frequency: WEEKLY, weekdays: [SUN, MON, TUE, WED, THU, FRI, SAT] })];
    expect(dates(schedule(daily, { closedYearEnd: true }), jst("2026-12-27T00:00"), 4)).toEqual([
      "2026-12-27",
      "2026-12-28",
      "2027-01-04",
      "2027-01-05",
    ]);
    expect(dates(schedule(daily), jst("2026-12-28T00:00"), 3)).toEqual(["2026-12-28", "2026-12-29", "2026-12-30"]);
  });

  it("skips 臨時休止 closedDates", () => {
    const s = { ...tueFri, closedDates: ["2026-12-01", "2026-12-04"] };
    expect(dates(s, jst("2026-11-25T00:00"), 3)).toEqual(["2026-11-27", "2026-12-08", "2026-12-11"]);
  });

  it("includes a session in progress at `from` and excludes one that has ended", () => {
    const tue = schedule([rule({ frequency: WEEKLY, weekdays: [TUE] })]); // 10:00〜11:30
    expect(dates(tue, jst("2026-11-24T10:45"), 1)).toEqual(["2026-11-24"]);
    expect(dates(tue, jst("2026-11-24T11:29"), 1)).toEqual(["2026-11-24"]);
    expect(dates(tue, jst("2026-11-24T11:30"), 1)).toEqual(["2026-12-01"]); // end == from: over
  });

  it("uses the JST date of `from`, not its UTC date", () => {
    const monTue = schedule([rule({ frequency: WEEKLY, weekdays: [MON, TUE] })]);
    // 2026-11-23T20:00Z is Tuesday 11/24 05:00 JST: Monday 11/23 is already over in Japan.
    const [first] = nextSessions(monTue, new Date("2026-11-23T20:00:00Z"), 1);
    expect(first.date).toBe("2026-11-24");
    expect(first.startsAt.toISOString()).toBe("2026-11-24T01:00:00.000Z");
    // The same instant written as New York time gives the same answer.
    expect(nextSessions(monTue, new Date("2026-11-23T15:00:00-05:00"), 1)).toEqual([first]);
  });

  it("merges rules chronologically and dedupes identical date + time", () => {
    const s = schedule([
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "13:30", endTime: "15:00" }),
      rule({ frequency: WEEKLY, weekdays: [TUE, THU] }),
      rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [TUE], nthWeeks: [4] }), // 11/24 10:00 again
      rule({ frequency: SPECIFIC_DATES, dates: ["2026-11-25", "2026-11-01"], startTime: "18:00", endTime: "20:00" }),
    ]);
    expect(nextSessions(s, jst("2026-11-24T00:00"), 5).map((x) => `${x.date} ${x.startTime}`)).toEqual([
      "2026-11-24 10:00",
      "2026-11-24 13:30",
      "2026-11-25 18:00",
      "2026-11-26 10:00",
      "2026-12-01 10:00",
    ]);
  });

  it("caps count at 50 and returns nothing for count ≤ 0", () => {
    expect(nextSessions(tueFri, jst("2026-11-25T00:00"), 1000)).toHaveLength(MAX_SESSIONS);
    expect(nextSessions(tueFri, jst("2026-11-25T00:00"), 0)).toEqual([]);
    expect(nextSessions(tueFri, jst("2026-11-25T00:00"), -3)).toEqual([]);
  });

  it("terminates with what it found when nothing (more) ever occurs", () => {
    const past = schedule([rule({ frequency: SPECIFIC_DATES, dates: ["2026-01-10", "2026-12-05"] })]);
    expect(dates(past, jst("2026-11-25T00:00"), 5)).toEqual(["2026-12-05"]);
    expect(nextSessions({ ...past, closedDates: ["2026-12-05"] }, jst("2026-11-25T00:00"), 5)).toEqual([]);
    expect(nextSessions(EMPTY_SCHEDULE, jst("2026-11-25T00:00"), 5)).toEqual([]);
  });

  it("orders sessions of one day by start, then by end", () => {
    const s = schedule([
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "10:00", endTime: "12:00" }),
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "09:00", endTime: "09:30" }),
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "10:00", endTime: "11:00" }),
    ]);
    expect(nextSessions(s, jst("2026-11-24T00:00"), 3).map((x) => `${x.startTime}〜${x.endTime}`)).toEqual([
      "09:00〜09:30",
      "10:00〜11:00",
      "10:00〜12:00",
    ]);
  });

  it("ignores a rule that can never meet: end not after start, an unreadable time, an unknown frequency, no weekday", () => {
    const never = [
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "10:00", endTime: "10:00" }),
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "11:00", endTime: "10:00" }),
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "24:00", endTime: "25:00" }),
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "09:00", endTime: "9:30" }),
      rule({ frequency: "YEARLY" as ScheduleFrequency, weekdays: [TUE], dates: ["2026-11-24"] }),
      rule({ frequency: WEEKLY, weekdays: [] }),
    ];
    for (const r of never) expect(nextSessions(schedule([r]), jst("2026-11-24T00:00"), 3)).toEqual([]);
    const oneGood = schedule([
      ...never,
      rule({ frequency: WEEKLY, weekdays: [WED], startTime: "10:00", endTime: "10:01" }),
    ]);
    expect(
      nextSessions(oneGood, jst("2026-11-24T00:00"), 2).map((x) => `${x.date} ${x.startTime}〜${x.endTime}`),
    ).toEqual(["2026-11-25 10:00〜10:01", "2026-12-02 10:00〜10:01"]);
  });

  it("returns whole sessions only: a fractional count is rounded down, NaN gives none", () => {
    expect(nextSessions(tueFri, jst("2026-11-25T00:00"), 2.9)).toHaveLength(2);
    expect(nextSessions(tueFri, jst("2026-11-25T00:00"), 0.5)).toEqual([]);
    expect(nextSessions(tueFri, jst("2026-11-25T00:00"), Number.NaN)).toEqual([]);
    expect(nextSessions(tueFri, jst("2026-11-25T00:00"), 1)).toHaveLength(1);
  });

  it("looks two years (732 days) ahead and no further", () => {
    // From 2026-11-25, day 731 is 2028-11-25 and day 732 is 2028-11-26.
    const at = (date: string) => schedule([rule({ frequency: SPECIFIC_DATES, dates: [date] })]);
    expect(dates(at("2028-11-25"), jst("2026-11-25T00:00"), 1)).toEqual(["2028-11-25"]);
    expect(dates(at("2028-11-26"), jst("2026-11-25T00:00"), 1)).toEqual([]);
  });

  it("closes only on what it is told: a holiday is open without closedOnHolidays, 年末年始 without closedYearEnd", () => {
    const daily = [rule({ frequency: WEEKLY, weekdays: [SUN, MON, TUE, WED, THU, FRI, SAT] })];
    expect(dates(schedule(daily, { closedYearEnd: true }), jst("2027-01-03T00:00"), 2)).toEqual([
      "2027-01-04",
      "2027-01-05",
    ]);
    expect(dates(schedule(daily, { closedOnHolidays: true }), jst("2026-12-30T00:00"), 4)).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-02",
      "2027-01-03", // 1/1 元日 is a holiday
    ]);
    expect(dates(schedule(daily, { closedYearEnd: true }), jst("2026-11-22T00:00"), 2)).toEqual([
      "2026-11-22",
      "2026-11-23",
    ]);
    expect(isJapaneseHoliday("2026-11-24")).toBe(false);
  });

  it("rejects an invalid Date", () => {
    expect(() => nextSessions(tueFri, new Date("nope"), 1)).toThrow(RangeError);
    expect(() => nextSessions(tueFri, new Date("nope"), 1)).toThrow("nextSessions: `from` is an invalid Date");
  });
});

describe("describeSchedule", () => {
  it("describes weekly rules, weekdays Monday first", () => {
    expect(describeSchedule(schedule([rule({ frequency: WEEKLY, weekdays: [FRI, TUE] })]))).toBe(
      "毎週火・金 10:00〜11:30",
    );
    expect(describeSchedule(schedule([rule({ frequency: WEEKLY, weekdays: [SUN, SAT] })]))).toBe(
      "毎週土・日 10:00〜11:30",
    );
    expect(
      describeSchedule(schedule([rule({ frequency: WEEKLY, weekdays: [SUN, MON, TUE, WED, THU, FRI, SAT] })])),
    ).toBe("毎日 10:00〜11:30");
  });

  it("describes nth-weekday rules including 最終", () => {
    const nth = (nthWeeks: number[], weekdays: Weekday[]) =>
      describeSchedule(
        schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays, nthWeeks, startTime: "13:30", endTime: "15:00" })]),
      );
    expect(nth([4, 2], [TUE])).toBe("第2・第4火曜 13:30〜15:00");
    expect(nth([-1], [FRI])).toBe("最終金曜 13:30〜15:00");
    expect(nth([-1, 1], [THU, TUE])).toBe("第1・最終火・木曜 13:30〜15:00");
  });

  it("describes specific dates, writing the year only where it changes, abbreviating long lists", () => {
    const specific = (ds: string[]) =>
      describeSchedule(
        schedule([rule({ frequency: SPECIFIC_DATES, dates: ds, startTime: "10:00", endTime: "12:00" })]),
      );
    expect(specific(["2026-12-19", "2026-12-05"])).toBe("2026年12月5日(土)・12月19日(土) 10:00〜12:00");
    expect(specific(["2026-12-05", "2026-12-19", "2027-01-09", "2027-01-23", "2027-02-06", "2027-02-20"])).toBe(
      "2026年12月5日(土)・12月19日(土)・2027年1月9日(土) ほか3日 10:00〜12:00",
    );
  });

  it("writes 第n in ascending order with 最終 last, each once", () => {
    const nth = (nthWeeks: number[]) =>
      describeSchedule(schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [WED], nthWeeks })]));
    expect(nth([3, -1, 1])).toBe("第1・第3・最終水曜 10:00〜11:30");
    expect(nth([2, -1])).toBe("第2・最終水曜 10:00〜11:30");
    expect(nth([-1, 5, 2, 2])).toBe("第2・第5・最終水曜 10:00〜11:30");
    expect(nth([])).toBe("日程は要問い合わせ");
    expect(describeSchedule(schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [], nthWeeks: [1] })]))).toBe(
      "日程は要問い合わせ",
    );
  });

  it("says 毎日 only for all seven days, however often one is repeated", () => {
    expect(
      describeSchedule(schedule([rule({ frequency: WEEKLY, weekdays: [MON, MON, TUE, WED, THU, FRI, SAT] })])),
    ).toBe("毎週月・火・水・木・金・土 10:00〜11:30");
  });

  it("lists up to 4 dates in full, in order, each once, leaving out what is not a date", () => {
    const specific = (ds: string[]) => describeSchedule(schedule([rule({ frequency: SPECIFIC_DATES, dates: ds })]));
    expect(specific(["2027-01-09", "2026-12-05", "2026-12-19", "2026-12-05", "2027-01-23", "2026-02-30"])).toBe(
      "2026年12月5日(土)・12月19日(土)・2027年1月9日(土)・1月23日(土) 10:00〜11:30",
    );
    expect(specific(["2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26", "2027-01-09"])).toBe(
      "2026年12月5日(土)・12月12日(土)・12月19日(土) ほか2日 10:00〜11:30",
    );
    expect(specific(["2026-13-01"])).toBe("日程は要問い合わせ");
  });

  it("names 年末年始休み alone when only that closure applies", () => {
    expect(describeSchedule(schedule([rule({ frequency: WEEKLY, weekdays: [TUE] })], { closedYearEnd: true }))).toBe(
      "毎週火 10:00〜11:30(年末年始休み)",
    );
    expect(describeSchedule(schedule([rule({ frequency: WEEKLY, weekdays: [TUE] })]))).toBe("毎週火 10:00〜11:30");
  });

  it("joins rules with 、 and appends closures", () => {
    const s = schedule(
      [
        rule({ frequency: WEEKLY, weekdays: [TUE, FRI] }),
        rule({
          frequency: MONTHLY_NTH_WEEKDAY,
          weekdays: [TUE],
          nthWeeks: [2, 4],
          startTime: "13:30",
          endTime: "15:00",
        }),
      ],
      { closedOnHolidays: true, closedYearEnd: true },
    );
    expect(describeSchedule(s)).toBe("毎週火・金 10:00〜11:30、第2・第4火曜 13:30〜15:00(祝日休み・年末年始休み)");
    expect(describeSchedule({ ...s, closedYearEnd: false })).toMatch(/\(祝日休み\)$/);
  });

  it("says 要問い合わせ when there is nothing to describe", () => {
    expect(describeSchedule(EMPTY_SCHEDULE)).toBe("日程は要問い合わせ");
    expect(describeSchedule(schedule([rule({ frequency: WEEKLY })], { closedOnHolidays: true }))).toBe(
      "日程は要問い合わせ",
    );
  });
});

describe("facets", () => {
  it("derives distinct weekdays in Sun..Sat order, from dates too", () => {
    const s = schedule([
      rule({ frequency: WEEKLY, weekdays: [FRI, TUE] }),
      rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [MON], nthWeeks: [1] }),
      rule({ frequency: SPECIFIC_DATES, dates: ["2026-12-06", "2026-12-04"] }), // Sun, Fri
      rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [SAT], nthWeeks: [] }), // never occurs
    ]);
    expect(scheduleWeekdays(s)).toEqual([SUN, MON, TUE, FRI]);
    expect(scheduleWeekdays(EMPTY_SCHEDULE)).toEqual([]);
  });

  it("counts only rules that meet: not those with unreadable times or nothing to repeat on, nor dates that do not exist", () => {
    const s = schedule([
      rule({ frequency: WEEKLY, weekdays: [MON], startTime: "18:00", endTime: "17:00" }),
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "7:00", endTime: "09:00" }),
      rule({ frequency: SPECIFIC_DATES, dates: ["2026-02-30", "2026-12-05"], startTime: "13:00", endTime: "15:00" }), // 12/5 Sat
      rule({ frequency: SPECIFIC_DATES, dates: ["2026-13-01"], startTime: "18:00", endTime: "20:00" }),
    ]);
    expect(scheduleWeekdays(s)).toEqual([SAT]);
    expect(scheduleTimeBands(s)).toEqual([TimeBand.AFTERNOON]);
    expect(scheduleTimeBands(EMPTY_SCHEDULE)).toEqual([]);
  });

  it("classifies start times into 時間帯 at 12:00 and 17:00", () => {
    expect(["00:00", "11:59", "12:00", "16:59", "17:00", "23:59", "7:00"].map(timeBandOf)).toEqual([
      TimeBand.MORNING,
      TimeBand.MORNING,
      TimeBand.AFTERNOON,
      TimeBand.AFTERNOON,
      TimeBand.EVENING,
      TimeBand.EVENING,
      null,
    ]);
    const s = schedule([
      rule({ frequency: WEEKLY, weekdays: [MON], startTime: "18:30", endTime: "20:00" }),
      rule({ frequency: WEEKLY, weekdays: [TUE], startTime: "09:30", endTime: "11:00" }),
      rule({ frequency: WEEKLY, weekdays: [WED], startTime: "10:00", endTime: "12:00" }),
    ]);
    expect(scheduleTimeBands(s)).toEqual([TimeBand.MORNING, TimeBand.EVENING]);
  });
});

describe("date helpers", () => {
  it("formats Japanese dates", () => {
    expect(formatJapaneseDate("2026-11-22")).toBe("2026年11月22日(日)");
    expect(formatJapaneseDate("2027-01-01")).toBe("2027年1月1日(金)");
    expect(() => formatJapaneseDate("2026-02-30")).toThrow(RangeError);
  });

  it("computes the JST date of an instant", () => {
    expect(today(new Date("2026-11-24T14:59:59Z"))).toBe("2026-11-24");
    expect(today(new Date("2026-11-24T15:00:00Z"))).toBe("2026-11-25");
    expect(today(new Date("2026-12-31T20:00:00-05:00"))).toBe("2027-01-01"); // New Year's Eve in New York
  });
});
