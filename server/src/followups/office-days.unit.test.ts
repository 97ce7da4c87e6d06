import { describe, expect, it } from "vitest";
import { addDays } from "@tsunagu/calendar";
import { Weekday } from "../schedules/schedule.value.js";
import { FollowUpKind } from "./followup.enums.js";
import { participationSchedule, postClosureSchedule } from "./followup.schedule.js";
import { DEFAULT_OFFICE_DAYS, isOpenDay, nextOpenDay, onOpenDays, type OfficeDays } from "./office-days.js";

const RULES = {
  firstCheckDays: 14,
  followUpMonths: 3,
  settlingCheckMonths: [3, 6],
  postClosureIntervalMonths: 3,
  postClosureContacts: 2,
};

describe("the office's open days (default: Monday to Friday, closed on 祝日 and 12/29–1/3)", () => {
  it("a planned date on a Saturday or Sunday moves to the next Monday", () => {
    expect(nextOpenDay("2026-06-06", DEFAULT_OFFICE_DAYS)).toBe("2026-06-08"); // Sat
    expect(nextOpenDay("2026-06-07", DEFAULT_OFFICE_DAYS)).toBe("2026-06-08"); // Sun
    expect(nextOpenDay("2026-06-08", DEFAULT_OFFICE_DAYS)).toBe("2026-06-08"); // an open day stays
  });

  it("a national holiday and its 振替休日 are closed: ゴールデンウィーク 2026 moves a Saturday to Thursday 05-07", () => {
    for (const d of ["2026-05-04", "2026-05-05", "2026-05-06"])
      expect(isOpenDay(d, DEFAULT_OFFICE_DAYS), d).toBe(false);
    expect(nextOpenDay("2026-05-02", DEFAULT_OFFICE_DAYS)).toBe("2026-05-07");
  });

  it("年末年始 (12/29–1/3) is closed even on weekdays", () => {
    expect(isOpenDay("2026-12-29", DEFAULT_OFFICE_DAYS)).toBe(false); // Tuesday
    expect(isOpenDay("2026-12-28", DEFAULT_OFFICE_DAYS)).toBe(true);
    expect(nextOpenDay("2026-12-29", DEFAULT_OFFICE_DAYS)).toBe("2027-01-04");
  });

  it("the municipality's settings decide: an office open on Saturdays and on 祝日 keeps those dates", () => {
    const open: OfficeDays = {
      openWeekdays: [...DEFAULT_OFFICE_DAYS.openWeekdays, Weekday.SAT],
      closedOnHolidays: false,
      closedForYearEnd: false,
    };
    expect(nextOpenDay("2026-06-06", open)).toBe("2026-06-06");
    expect(nextOpenDay("2026-05-05", open)).toBe("2026-05-05");
    expect(nextOpenDay("2026-06-07", open)).toBe("2026-06-08");
    expect(nextOpenDay("2026-12-30", open)).toBe("2026-12-30");
  });

  it("every planned follow-up of a start, or of a closure, falls on an open day, on the first one on or after its date", () => {
    for (let start = "2026-04-01"; start <= "2027-03-31"; start = addDays(start, 1)) {
      for (const schedule of [participationSchedule(start, RULES), postClosureSchedule(start, RULES)]) {
        const planned = onOpenDays(schedule, DEFAULT_OFFICE_DAYS);
        expect(planned).toHaveLength(schedule.length);
        planned.forEach((p, i) => {
          expect(isOpenDay(p.dueOn, DEFAULT_OFFICE_DAYS), `${start} ${p.kind} ${p.dueOn}`).toBe(true);
          expect(p).toEqual({ kind: schedule[i].kind, dueOn: nextOpenDay(schedule[i].dueOn, DEFAULT_OFFICE_DAYS) });
        });
      }
    }
  });

  it("two follow-ups that land on the same open day become one visit (the later one in the schedule)", () => {
    const planned = onOpenDays(
      [
        { kind: FollowUpKind.FIRST_CHECK, dueOn: "2026-12-29" },
        { kind: FollowUpKind.MONTHLY, dueOn: "2027-01-02" },
        { kind: FollowUpKind.SETTLING_CHECK, dueOn: "2027-01-05" },
      ],
      DEFAULT_OFFICE_DAYS,
    );
    expect(planned).toEqual([
      { kind: FollowUpKind.MONTHLY, dueOn: "2027-01-04" },
      { kind: FollowUpKind.SETTLING_CHECK, dueOn: "2027-01-05" },
    ]);
  });

  it("the planned follow-ups come out in date order, whatever order they were given in", () => {
    const planned = onOpenDays(
      [
        { kind: FollowUpKind.SETTLING_CHECK, dueOn: "2026-09-05" },
        { kind: FollowUpKind.FIRST_CHECK, dueOn: "2026-06-19" },
        { kind: FollowUpKind.MONTHLY, dueOn: "2026-07-05" },
      ],
      DEFAULT_OFFICE_DAYS,
    );
    expect(planned).toEqual([
      { kind: FollowUpKind.FIRST_CHECK, dueOn: "2026-06-19" },
      { kind: FollowUpKind.MONTHLY, dueOn: "2026-07-06" },
      { kind: FollowUpKind.SETTLING_CHECK, dueOn: "2026-09-07" },
    ]);
  });

  it("an office with no open weekday keeps the dates rather than search for ever", () => {
    expect(nextOpenDay("2026-06-06", { ...DEFAULT_OFFICE_DAYS, openWeekdays: [] })).toBe("2026-06-06");
  });
});
