import { describe, expect, it } from "vitest";
import {
  describeSchedule, formatJapaneseDate, isJapaneseHoliday, jstToday, MAX_SESSIONS, nextSessions,
  scheduleTimeBands, scheduleWeekdays, timeBandOf,
} from "./schedule";
import {
  EMPTY_SCHEDULE, ScheduleFrequency, TimeBand, Weekday, type ScheduleRuleValue, type ScheduleValue,
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
    const s = schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [TUE], nthWeeks: [2, 4], startTime: "13:30", endTime: "15:00" })]);
    expect(dates(s, jst("2026-11-20T00:00"), 5)).toEqual(["2026-11-24", "2026-12-08", "2026-12-22", "2027-01-12", "2027-01-26"]);
  });

  it("finds the last Friday (-1) whether the month has 4 or 5 Fridays", () => {
    const s = schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [FRI], nthWeeks: [-1] })]);
    // Nov 2026 and Dec 2026 have 4 Fridays; Jan 2027 has 5 (1, 8, 15, 22, 29).
    expect(dates(s, jst("2026-11-01T00:00"), 3)).toEqual(["2026-11-27", "2026-12-25", "2027-01-29"]);
    // July 2026 ends on a Friday (31st): the 24th is not the last one.
    expect(dates(s, jst("2026-07-01T00:00"), 2)).toEqual(["2026-07-31", "2026-08-28"]);
  });

  it("only produces a 5th weekday in months that have one", () => {
    const s = schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [TUE], nthWeeks: [5] })]);
    expect(dates(s, jst("2026-12-01T00:00"), 2)).toEqual(["2026-12-29", "2027-03-30"]);
  });

  it("skips 勤労感謝の日 (2026-11-23, a Monday) only when closedOnHolidays", () => {
    const mondays = [rule({ frequency: WEEKLY, weekdays: [MON] })];
    expect(dates(schedule(mondays), jst("2026-11-17T00:00"), 2)).toEqual(["2026-11-23", "2026-11-30"]);
    expect(dates(schedule(mondays, { closedOnHolidays: true }), jst("2026-11-17T00:00"), 2)).toEqual(["2026-11-30", "2026-12-07"]);
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
      "2026-12-27", "2026-12-28", "2027-01-04", "2027-01-05",
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
      "2026-11-24 10:00", "2026-11-24 13:30", "2026-11-25 18:00", "2026-11-26 10:00", "2026-12-01 10:00",
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

  it("rejects an invalid Date", () => {
    expect(() => nextSessions(tueFri, new Date("nope"), 1)).toThrow(RangeError);
  });
});

describe("describeSchedule", () => {
  it("describes weekly rules, weekdays Monday first", () => {
    expect(describeSchedule(schedule([rule({ frequency: WEEKLY, weekdays: [FRI, TUE] })]))).toBe("毎週火・金 10:00〜11:30");
    expect(describeSchedule(schedule([rule({ frequency: WEEKLY, weekdays: [SUN, SAT] })]))).toBe("毎週土・日 10:00〜11:30");
    expect(describeSchedule(schedule([rule({ frequency: WEEKLY, weekdays: [SUN, MON, TUE, WED, THU, FRI, SAT] })]))).toBe(
      "毎日 10:00〜11:30",
    );
  });

  it("describes nth-weekday rules including 最終", () => {
    const nth = (nthWeeks: number[], weekdays: Weekday[]) =>
      describeSchedule(schedule([rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays, nthWeeks, startTime: "13:30", endTime: "15:00" })]));
    expect(nth([4, 2], [TUE])).toBe("第2・第4火曜 13:30〜15:00");
    expect(nth([-1], [FRI])).toBe("最終金曜 13:30〜15:00");
    expect(nth([-1, 1], [THU, TUE])).toBe("第1・最終火・木曜 13:30〜15:00");
  });

  it("describes specific dates, writing the year only where it changes, abbreviating long lists", () => {
    const specific = (ds: string[]) =>
      describeSchedule(schedule([rule({ frequency: SPECIFIC_DATES, dates: ds, startTime: "10:00", endTime: "12:00" })]));
    expect(specific(["2026-12-19", "2026-12-05"])).toBe("2026年12月5日(土)・12月19日(土) 10:00〜12:00");
    expect(specific(["2026-12-05", "2026-12-19", "2027-01-09", "2027-01-23", "2027-02-06", "2027-02-20"])).toBe(
      "2026年12月5日(土)・12月19日(土)・2027年1月9日(土) ほか3日 10:00〜12:00",
    );
  });

  it("joins rules with 、 and appends closures", () => {
    const s = schedule(
      [
        rule({ frequency: WEEKLY, weekdays: [TUE, FRI] }),
        rule({ frequency: MONTHLY_NTH_WEEKDAY, weekdays: [TUE], nthWeeks: [2, 4], startTime: "13:30", endTime: "15:00" }),
      ],
      { closedOnHolidays: true, closedYearEnd: true },
    );
    expect(describeSchedule(s)).toBe("毎週火・金 10:00〜11:30、第2・第4火曜 13:30〜15:00(祝日休み・年末年始休み)");
    expect(describeSchedule({ ...s, closedYearEnd: false })).toMatch(/\(祝日休み\)$/);
  });

  it("says 要問い合わせ when there is nothing to describe", () => {
    expect(describeSchedule(EMPTY_SCHEDULE)).toBe("日程は要問い合わせ");
    expect(describeSchedule(schedule([rule({ frequency: WEEKLY })], { closedOnHolidays: true }))).toBe("日程は要問い合わせ");
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

  it("classifies start times into 時間帯 at 12:00 and 17:00", () => {
    expect(["00:00", "11:59", "12:00", "16:59", "17:00", "23:59", "7:00"].map(timeBandOf)).toEqual([
      TimeBand.MORNING, TimeBand.MORNING, TimeBand.AFTERNOON, TimeBand.AFTERNOON, TimeBand.EVENING, TimeBand.EVENING, null,
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
    expect(jstToday(new Date("2026-11-24T14:59:59Z"))).toBe("2026-11-24");
    expect(jstToday(new Date("2026-11-24T15:00:00Z"))).toBe("2026-11-25");
    expect(jstToday(new Date("2026-12-31T20:00:00-05:00"))).toBe("2027-01-01"); // New Year's Eve in New York
  });
});
