import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  WEEKDAY_LABELS,
  addDays,
  addMonths,
  dayOf,
  daysBetween,
  endOfWeek,
  fiscalYearOf,
  fiscalYearRange,
  formatDay,
  formatJapaneseDate,
  formatJapaneseMonthDay,
  formatJapaneseTime,
  inRange,
  isCalendarDate,
  isTimeOfDay,
  jstInstant,
  parseDay,
  parseTime,
  today,
  weekdayIndexOfDay,
  WEEKDAY_CODES,
} from "./calendar";

describe("calendar dates (YYYY-MM-DD)", () => {
  it("a date is exactly four digits, a hyphen, two digits, a hyphen, two digits: nothing before, nothing after", () => {
    expect(isCalendarDate("2026-11-22")).toBe(true);
    for (const bad of [
      "2026-11-223",
      "12026-11-22",
      "x2026-11-22",
      "2026-11-22x",
      "2026-11-22\n",
      " 2026-11-22",
      "2026-1-05",
      "2026-01-5",
      "226-01-05",
      "02026-11-22",
      "2026-011-22",
      "2026-11-022",
      "2026/11/22",
      "2026-11",
      "",
      "２０２６-11-22",
    ]) {
      expect([bad, isCalendarDate(bad)]).toEqual([bad, false]);
    }
  });

  it("a date names a day that exists: no month 13 or 00, no day 00 or beyond the month's end, 2/29 only in leap years", () => {
    for (const bad of [
      "2026-13-05",
      "2026-00-10",
      "2026-11-00",
      "2026-11-31",
      "2026-02-29",
      "2026-02-30",
      "2026-04-31",
      "2026-12-32",
    ]) {
      expect([bad, isCalendarDate(bad)]).toEqual([bad, false]);
    }
    for (const good of ["2028-02-29", "2026-12-31", "2026-01-01", "2026-04-30", "2000-02-29"]) {
      expect([good, isCalendarDate(good)]).toEqual([good, true]);
    }
  });

  it("a year before 100 is no date (JavaScript would read 0050 as 1950)", () => {
    expect(parseDay("0050-01-01")).toBeNull();
    expect(isCalendarDate("0099-12-31")).toBe(false);
  });

  it("only strings are dates", () => {
    expect(isCalendarDate(new Date("2026-11-22"))).toBe(false);
    expect(isCalendarDate(20261122)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it("a date is a day number counted from 1970-01-01, and back", () => {
    expect(parseDay("1970-01-01")).toBe(0);
    expect(parseDay("1970-01-02")).toBe(1);
    expect(parseDay("2026-11-22")).toBe(20_779);
    expect(formatDay(20_779)).toBe("2026-11-22");
    expect(formatDay(parseDay("2028-02-29")! + 1)).toBe("2028-03-01");
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });

  it("knows the weekday of any day, before 1970 too (1970-01-01 was a Thursday)", () => {
    expect(WEEKDAY_CODES[weekdayIndexOfDay(0)]).toBe("THU");
    expect(WEEKDAY_CODES[weekdayIndexOfDay(parseDay("2026-11-22")!)]).toBe("SUN");
    expect(WEEKDAY_CODES[weekdayIndexOfDay(parseDay("2026-11-28")!)]).toBe("SAT");
    expect(WEEKDAY_CODES[weekdayIndexOfDay(-1)]).toBe("WED");
    expect(WEEKDAY_CODES[weekdayIndexOfDay(-4)]).toBe("SUN");
    expect(WEEKDAY_CODES[weekdayIndexOfDay(-7)]).toBe("THU");
    expect([0, 1, 3, 6, -1, -4, -7].map(weekdayIndexOfDay)).toEqual([4, 5, 0, 3, 3, 0, 4]);
  });
});

describe("times of day (HH:MM, 00:00–23:59)", () => {
  it("a time is two digits, a colon, two digits: nothing before, nothing after", () => {
    for (const good of ["00:00", "09:05", "19:59", "23:59", "10:00"]) {
      expect([good, isTimeOfDay(good)]).toEqual([good, true]);
    }
    for (const bad of [
      "10:000",
      "110:00",
      "010:00",
      "10:005",
      "x10:00",
      "10:00x",
      "9:00",
      "10:5",
      "1000",
      "10-00",
      "",
      " 10:00",
    ]) {
      expect([bad, isTimeOfDay(bad)]).toEqual([bad, false]);
    }
  });

  it("a time exists on the clock: hours up to 23, minutes up to 59", () => {
    for (const bad of ["24:00", "25:10", "30:00", "12:60", "12:99", "99:00"]) {
      expect([bad, isTimeOfDay(bad)]).toEqual([bad, false]);
    }
    expect(isTimeOfDay(1000)).toBe(false);
    expect(isTimeOfDay(null)).toBe(false);
  });

  it("a time is minutes after midnight", () => {
    expect(parseTime("00:00")).toBe(0);
    expect(parseTime("10:30")).toBe(630);
    expect(parseTime("23:59")).toBe(23 * 60 + 59);
    expect(parseTime("24:00")).toBeNull();
  });
});

describe("JST", () => {
  it("today in Japan is the UTC date 9 hours on, whatever the instant's written zone", () => {
    expect(today(new Date("2026-11-24T14:59:59.999Z"))).toBe("2026-11-24");
    expect(today(new Date("2026-11-24T15:00:00Z"))).toBe("2026-11-25");
    expect(today(new Date("2026-11-25T00:00:00+09:00"))).toBe("2026-11-25");
    expect(dayOf("2026-11-21T15:00:00Z")).toBe("2026-11-22"); // 00:00 JST
    expect(dayOf("2026-11-21T14:59:59Z")).toBe("2026-11-21");
    expect(today()).toBe(dayOf(new Date()));
  });

  it("refuses an invalid Date instead of answering with a made-up day", () => {
    expect(() => today(new Date("nope"))).toThrow(RangeError);
    expect(() => today(new Date(Number.NaN))).toThrow("dayOf: invalid instant: Invalid Date");
    expect(() => dayOf("2026-11-22T25:00:00Z")).toThrow("dayOf: invalid instant: 2026-11-22T25:00:00Z");
  });

  it("a JST wall-clock time on a day is the instant 9 hours earlier in UTC", () => {
    const day = parseDay("2026-11-24")!;
    expect(jstInstant(day, 10 * 60).toISOString()).toBe("2026-11-24T01:00:00.000Z");
    expect(jstInstant(day, 0).toISOString()).toBe("2026-11-23T15:00:00.000Z");
    expect(jstInstant(day, 23 * 60 + 59).toISOString()).toBe("2026-11-24T14:59:00.000Z");
  });
});

describe("Japanese dates", () => {
  it("writes month and day without leading zeros and the weekday in brackets", () => {
    expect(formatJapaneseMonthDay("2026-11-22")).toBe("11月22日(日)");
    expect(formatJapaneseMonthDay("2027-01-05")).toBe("1月5日(火)");
    expect(formatJapaneseDate("0100-03-01")).toBe("100年3月1日(月)");
  });

  it("refuses anything but a real calendar date, naming it", () => {
    expect(() => formatJapaneseMonthDay("2026-02-30")).toThrow("not a calendar date (YYYY-MM-DD): 2026-02-30");
    expect(() => formatJapaneseDate("2026-11-223")).toThrow(RangeError);
  });
});

describe("day arithmetic", () => {
  it("adds days across months and years, and refuses what is not a day", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-11-22", 0)).toBe("2026-11-22");
    expect(() => addDays("2026-02-30", 1)).toThrow("not a calendar date (YYYY-MM-DD): 2026-02-30");
  });

  it("adds months keeping the day, clamped to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-05-31", 1)).toBe("2026-06-30");
    expect(addMonths("2026-12-01", 12)).toBe("2027-12-01");
    expect(() => addMonths("2026-13-01", 1)).toThrow(RangeError);
  });

  it("counts whole days, negative backwards", () => {
    expect(daysBetween("2026-11-03", "2026-11-22")).toBe(19);
    expect(daysBetween("2026-11-22", "2026-11-20")).toBe(-2);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-05-26", "2026-11-22")).toBe(180);
    expect(() => daysBetween("2026-11-22", "2026-11-31")).toThrow(RangeError);
    expect(() => daysBetween("2026-11-31", "2026-11-22")).toThrow(RangeError);
  });

  it("counts calendar days in JST between instants: yesterday evening to this morning is 1 day", () => {
    expect(daysBetween(dayOf("2026-11-21T23:30:00+09:00"), dayOf("2026-11-22T00:10:00+09:00"))).toBe(1);
    expect(daysBetween(dayOf("2026-11-22T00:10:00+09:00"), dayOf("2026-11-22T23:50:00+09:00"))).toBe(0);
    expect(daysBetween(dayOf("2026-05-26T12:00:00+09:00"), dayOf("2026-11-22T12:00:00+09:00"))).toBe(180);
  });

  it("ends the week on Sunday (weeks run Monday to Sunday)", () => {
    expect(endOfWeek("2026-11-16")).toBe("2026-11-22"); // Monday
    expect(endOfWeek("2026-11-21")).toBe("2026-11-22"); // Saturday
    expect(endOfWeek("2026-11-22")).toBe("2026-11-22"); // Sunday
    expect(endOfWeek("2026-12-29")).toBe("2027-01-03"); // Tuesday, across the year
    expect(() => endOfWeek("2026-11-31")).toThrow(RangeError);
  });
});

describe("fiscal years (年度: April to March)", () => {
  it("puts March in the year before and April in its own", () => {
    expect(fiscalYearOf("2027-03-31")).toBe(2026);
    expect(fiscalYearOf("2027-04-01")).toBe(2027);
    expect(fiscalYearOf("2026-12-31")).toBe(2026);
    expect(fiscalYearOf("2026-01-01")).toBe(2025);
    expect(fiscalYearOf(dayOf("2027-03-31T12:00:00+09:00"))).toBe(2026);
    expect(fiscalYearOf(dayOf("2027-03-31T15:00:00Z"))).toBe(2027); // 00:00 JST on April 1st
  });

  it("spans April 1st to March 31st, both days included", () => {
    const fy = fiscalYearRange(2026);
    expect(fy).toEqual({ start: "2026-04-01", end: "2027-03-31" });
    expect(inRange("2026-04-01", fy)).toBe(true);
    expect(inRange("2027-03-31", fy)).toBe(true);
    expect(inRange("2026-03-31", fy)).toBe(false);
    expect(inRange("2027-04-01", fy)).toBe(false);
    expect(inRange(null, fy)).toBe(false);
    expect(inRange(undefined, fy)).toBe(false);
  });
});

describe("Japanese weekdays and times", () => {
  it("names a weekday by its kanji, Sunday first", () => {
    expect(Object.values(WEEKDAY_LABELS).join("")).toBe("日月火水木金土");
  });

  it("writes the JST wall-clock time of an instant on a 24-hour clock, minutes padded", () => {
    expect(formatJapaneseTime("2026-11-22T01:05:00Z")).toBe("10:05");
    expect(formatJapaneseTime(new Date("2026-11-22T15:00:00Z"))).toBe("0:00");
    expect(formatJapaneseTime("2026-11-22T23:59:00+09:00")).toBe("23:59");
  });
});
