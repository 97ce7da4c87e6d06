import { describe, expect, it } from "vitest";
import { FollowUpKind } from "./followup.enums.js";
import { participationSchedule, postClosureSchedule, type FollowUpRules } from "./followup.schedule.js";

const RULES: FollowUpRules = {
  firstCheckDays: 14,
  followUpMonths: 3,
  settlingCheckMonths: [6],
  postClosureIntervalMonths: 3,
  postClosureContacts: 2,
};

const plan = (startedOn: string, rules: Partial<FollowUpRules> = {}) =>
  participationSchedule(startedOn, { ...RULES, ...rules }).map((p) => [p.kind, p.dueOn]);

describe("the follow-ups planned when participation starts (参加開始)", () => {
  it("a first check `firstCheckDays` after the start, a monthly visit through the follow-up period, then 定着確認", () => {
    expect(plan("2026-05-10")).toEqual([
      [FollowUpKind.FIRST_CHECK, "2026-05-24"],
      [FollowUpKind.MONTHLY, "2026-06-10"],
      [FollowUpKind.MONTHLY, "2026-07-10"],
      [FollowUpKind.MONTHLY, "2026-08-10"],
      [FollowUpKind.SETTLING_CHECK, "2026-11-10"],
    ]);
  });

  it("the first check counts calendar days across a month's end", () => {
    expect(plan("2026-05-25", { followUpMonths: 0, settlingCheckMonths: [] })).toEqual([
      [FollowUpKind.FIRST_CHECK, "2026-06-08"],
    ]);
  });

  it("the monthly visits fall on the start's day of month, on the month's last day when it has no such day", () => {
    expect(plan("2027-01-31", { settlingCheckMonths: [] })).toEqual([
      [FollowUpKind.FIRST_CHECK, "2027-02-14"],
      [FollowUpKind.MONTHLY, "2027-02-28"],
      [FollowUpKind.MONTHLY, "2027-03-31"],
      [FollowUpKind.MONTHLY, "2027-04-30"],
    ]);
  });

  it("a follow-up period of one month plans exactly one monthly visit, and of none plans none", () => {
    const kinds = (followUpMonths: number) =>
      plan("2026-05-10", { followUpMonths, settlingCheckMonths: [] }).map(([kind]) => kind);
    expect(kinds(1)).toEqual([FollowUpKind.FIRST_CHECK, FollowUpKind.MONTHLY]);
    expect(kinds(0)).toEqual([FollowUpKind.FIRST_CHECK]);
  });

  it("a 定着確認 in a month of the follow-up period replaces that month's visit: one visit, not two", () => {
    expect(plan("2026-05-10", { settlingCheckMonths: [3, 6] })).toEqual([
      [FollowUpKind.FIRST_CHECK, "2026-05-24"],
      [FollowUpKind.MONTHLY, "2026-06-10"],
      [FollowUpKind.MONTHLY, "2026-07-10"],
      [FollowUpKind.SETTLING_CHECK, "2026-08-10"],
      [FollowUpKind.SETTLING_CHECK, "2026-11-10"],
    ]);
  });

  it("the visits are listed by date whatever order the settings name the 定着確認 months in", () => {
    const dates = plan("2026-05-10", { settlingCheckMonths: [12, 6, 9] }).map(([, dueOn]) => dueOn);
    expect(dates).toEqual([...dates].sort());
    expect(dates.slice(-3)).toEqual(["2026-11-10", "2027-02-10", "2027-05-10"]);
  });
});

describe("終結後の定期連絡 (contacts after closure)", () => {
  it("every `postClosureIntervalMonths` after the closure, `postClosureContacts` times, the first one interval after", () => {
    expect(postClosureSchedule("2026-09-30", RULES).map((p) => [p.kind, p.dueOn])).toEqual([
      [FollowUpKind.POST_CLOSURE, "2026-12-30"],
      [FollowUpKind.POST_CLOSURE, "2027-03-30"],
    ]);
  });

  it("no contacts are planned when the settings ask for none", () => {
    expect(postClosureSchedule("2026-09-30", { ...RULES, postClosureContacts: 0 })).toEqual([]);
  });
});
