import { describe, expect, it } from "vitest";
import { ScheduleFrequency, Weekday, type ScheduleRuleValue, type ScheduleValue } from "../schedules/schedule.value.js";
import { closureNotes, fromHsdsSchedules, rruleOf, toHsdsSchedules } from "./hsds-schedule.js";

const rule = (r: Partial<ScheduleRuleValue>): ScheduleRuleValue => ({
  frequency: ScheduleFrequency.WEEKLY,
  weekdays: [],
  nthWeeks: [],
  dates: [],
  startTime: "10:00",
  endTime: "11:30",
  ...r,
});
const schedule = (rules: ScheduleRuleValue[], s: Partial<ScheduleValue> = {}): ScheduleValue => ({
  rules,
  closedOnHolidays: false,
  closedYearEnd: false,
  closedDates: [],
  note: null,
  ...s,
});
const SERVICE = "3f0d5c38-8f3e-4a51-9d1e-2b6f0c1a9e77";

describe("tsunagu schedules as HSDS RRULE parts", () => {
  it("毎週火・金 → FREQ=WEEKLY;BYDAY=TU,FR with JST opening times", () => {
    const weekly = rule({ weekdays: [Weekday.FRI, Weekday.TUE] });
    expect(rruleOf(weekly)).toBe("FREQ=WEEKLY;BYDAY=TU,FR");
    const [s] = toHsdsSchedules(SERVICE, schedule([weekly]));
    expect(s).toMatchObject({
      service_id: SERVICE,
      freq: "WEEKLY",
      byday: "TU,FR",
      interval: 1,
      opens_at: "10:00+09:00",
      closes_at: "11:30+09:00",
      timezone: 9,
      description: "毎週火・金 10:00〜11:30",
    });
  });

  it("第2・第4火曜 → FREQ=MONTHLY;BYDAY=2TU,4TU, and 最終 is -1", () => {
    expect(
      rruleOf(rule({ frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY, weekdays: [Weekday.TUE], nthWeeks: [4, 2] })),
    ).toBe("FREQ=MONTHLY;BYDAY=2TU,4TU");
    expect(
      rruleOf(rule({ frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY, weekdays: [Weekday.FRI], nthWeeks: [-1] })),
    ).toBe("FREQ=MONTHLY;BYDAY=-1FR");
    expect(
      rruleOf(
        rule({
          frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY,
          weekdays: [Weekday.WED, Weekday.MON],
          nthWeeks: [-1, 1],
        }),
      ),
    ).toBe("FREQ=MONTHLY;BYDAY=1MO,-1MO,1WE,-1WE");
    const [s] = toHsdsSchedules(
      SERVICE,
      schedule([rule({ frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY, weekdays: [Weekday.TUE], nthWeeks: [2, 4] })]),
    );
    expect(s).toMatchObject({ freq: "MONTHLY", byday: "2TU,4TU" });
  });

  it("特定日: one occurrence per date (count 1 from dtstart), with the date's weekday", () => {
    const out = toHsdsSchedules(
      SERVICE,
      schedule([rule({ frequency: ScheduleFrequency.SPECIFIC_DATES, dates: ["2026-12-19", "2026-12-05"] })]),
    );
    expect(out.map((s) => [s.dtstart, s.valid_from, s.valid_to, s.count, s.freq, s.byday])).toEqual([
      ["2026-12-05", "2026-12-05", "2026-12-05", 1, "WEEKLY", "SA"],
      ["2026-12-19", "2026-12-19", "2026-12-19", 1, "WEEKLY", "SA"],
    ]);
    expect(new Set(out.map((s) => s.id)).size).toBe(2);
  });

  it("closures (祝日, 年末年始, 臨時休止) and the note go into every schedule's notes", () => {
    const s = schedule([rule({ weekdays: [Weekday.MON] })], {
      closedOnHolidays: true,
      closedYearEnd: true,
      closedDates: ["2026-12-07"],
      note: "雨天中止",
    });
    expect(closureNotes(s)).toEqual(["祝日は休み", "年末年始(12/29〜1/3)は休み", "臨時休止: 2026-12-07", "雨天中止"]);
    expect(toHsdsSchedules(SERVICE, s)[0].notes).toBe(
      "祝日は休み。年末年始(12/29〜1/3)は休み。臨時休止: 2026-12-07。雨天中止",
    );
  });

  it("ids are stable: the same listing exports the same schedule ids", () => {
    const s = schedule([rule({ weekdays: [Weekday.MON] })]);
    expect(toHsdsSchedules(SERVICE, s)[0].id).toBe(toHsdsSchedules(SERVICE, s)[0].id);
    expect(toHsdsSchedules(SERVICE, s)[0].id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("a rule with nothing to repeat on is left out", () => {
    expect(toHsdsSchedules(SERVICE, schedule([rule({ weekdays: [] })]))).toEqual([]);
  });
});

describe("HSDS schedules read back", () => {
  it("gives back every kind of rule tsunagu writes", () => {
    const rules = [
      rule({ weekdays: [Weekday.TUE, Weekday.FRI] }),
      rule({
        frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY,
        weekdays: [Weekday.TUE],
        nthWeeks: [2, 4],
        startTime: "13:30",
        endTime: "15:00",
      }),
      rule({ frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY, weekdays: [Weekday.SAT], nthWeeks: [-1] }),
      rule({
        frequency: ScheduleFrequency.SPECIFIC_DATES,
        dates: ["2026-12-05", "2026-12-19"],
        startTime: "09:00",
        endTime: "12:00",
      }),
    ];
    expect(fromHsdsSchedules(toHsdsSchedules(SERVICE, schedule(rules)))).toEqual({ rules, unreadable: [] });
  });

  it("splits a MONTHLY BYDAY that is not one nth × weekday product into a rule per weekday", () => {
    const { rules } = fromHsdsSchedules([
      { id: "x", freq: "MONTHLY", byday: "1MO,3WE", opens_at: "10:00", closes_at: "12:00" },
    ]);
    expect(rules.map((r) => [r.weekdays, r.nthWeeks])).toEqual([
      [[Weekday.MON], [1]],
      [[Weekday.WED], [3]],
    ]);
  });

  it("keeps what is no tsunagu rule as text (BYMONTHDAY, an interval, no times)", () => {
    const { rules, unreadable } = fromHsdsSchedules([
      { id: "a", freq: "MONTHLY", bymonthday: "15", opens_at: "10:00", closes_at: "12:00", description: "毎月15日" },
      { id: "b", freq: "WEEKLY", interval: 2, byday: "MO", opens_at: "10:00", closes_at: "12:00" },
      { id: "c", freq: "WEEKLY", byday: "MO" },
      { id: "d", notes: "要問い合わせ" },
    ]);
    expect(rules).toEqual([]);
    expect(unreadable).toEqual(["毎月15日", "WEEKLY MO 10:00 12:00", "WEEKLY MO"]);
  });

  it("reads times with or without an offset or seconds", () => {
    const { rules } = fromHsdsSchedules([
      { id: "x", freq: "WEEKLY", byday: "TH", opens_at: "9:00:00", closes_at: "10:30+09:00" },
    ]);
    expect(rules[0]).toMatchObject({ startTime: "09:00", endTime: "10:30", weekdays: [Weekday.THU] });
  });
});
