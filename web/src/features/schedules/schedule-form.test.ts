import { describe, expect, it } from "vitest";
import { newRule, parseOpenings, scheduleFormOf, toScheduleInput } from "./schedule-form";

const schedule = {
  rules: [
    {
      frequency: "MONTHLY_NTH_WEEKDAY" as const,
      weekdays: ["TUE" as const],
      nthWeeks: [4, 2],
      dates: [],
      startTime: "10:00",
      endTime: "11:30",
    },
  ],
  closedOnHolidays: true,
  closedYearEnd: false,
  closedDates: ["2026-12-08"],
  note: null,
};

describe("schedule form", () => {
  it("reads a schedule and writes it back as the API's input", () => {
    const form = scheduleFormOf(schedule);
    expect(form.rules[0].key).toBeTruthy();
    expect(form.note).toBe("");
    expect(toScheduleInput(form)).toEqual({
      rules: [
        {
          frequency: "MONTHLY_NTH_WEEKDAY",
          weekdays: ["TUE"],
          nthWeeks: [2, 4],
          dates: [],
          startTime: "10:00",
          endTime: "11:30",
        },
      ],
      closedOnHolidays: true,
      closedYearEnd: false,
      closedDates: ["2026-12-08"],
      note: null,
    });
  });

  it("sends only what the frequency uses, in calendar order, without duplicates", () => {
    const form = scheduleFormOf(schedule);
    form.rules = [
      { ...newRule(), frequency: "WEEKLY", weekdays: ["FRI", "MON", "FRI"], nthWeeks: [1], dates: ["2026-12-01"] },
      { ...newRule(), frequency: "MONTHLY_NTH_WEEKDAY", weekdays: ["SUN", "WED"], nthWeeks: [-1, 3, 1] },
      {
        ...newRule(),
        frequency: "SPECIFIC_DATES",
        weekdays: ["MON"],
        dates: ["2027-01-10", "", "2026-12-20", "2027-01-10"],
        startTime: "13:00",
        endTime: "15:00",
      },
    ];
    form.closedDates = ["2027-01-05", "2026-12-29", "2027-01-05"];
    form.note = "  雨天中止 ";
    const input = toScheduleInput(form);
    expect(input.rules).toEqual([
      { frequency: "WEEKLY", weekdays: ["MON", "FRI"], nthWeeks: [], dates: [], startTime: "10:00", endTime: "12:00" },
      {
        frequency: "MONTHLY_NTH_WEEKDAY",
        weekdays: ["WED", "SUN"],
        nthWeeks: [1, 3, -1],
        dates: [],
        startTime: "10:00",
        endTime: "12:00",
      },
      {
        frequency: "SPECIFIC_DATES",
        weekdays: [],
        nthWeeks: [],
        dates: ["2026-12-20", "2027-01-10"],
        startTime: "13:00",
        endTime: "15:00",
      },
    ]);
    expect(input.closedDates).toEqual(["2026-12-29", "2027-01-05"]);
    expect(input.note).toBe("雨天中止");
  });
});

describe("parseOpenings", () => {
  it("reads whole numbers (full-width too), empty as unknown, and refuses the rest", () => {
    expect(parseOpenings("")).toEqual({ ok: true, value: null });
    expect(parseOpenings(" 0 ")).toEqual({ ok: true, value: 0 });
    expect(parseOpenings("１２")).toEqual({ ok: true, value: 12 });
    expect(parseOpenings("-1")).toEqual({ ok: false });
    expect(parseOpenings("2.5")).toEqual({ ok: false });
    expect(parseOpenings("三")).toEqual({ ok: false });
  });
});
