import { describe, expect, it } from "vitest";
import { FollowUpDueStatus } from "../followups/followup.enums.js";
import { MatchStage } from "../matching/match.enums.js";
import {
  LONGEST_SETTLING_MONTHS, SETTLING_MONTHS, computeOutcomes, orderTransitions, type OutcomeInput, type TransitionFact,
} from "./outcome.compute.js";

const S = MatchStage;
const { PLANNED, DONE, CANCELLED } = FollowUpDueStatus;

/** A match whose history starts in 候補 on the first date, then follows `path` (from-stages chained). */
function match(id: string, personId: string, path: [MatchStage, string][]) {
  let from: MatchStage | null = null;
  const transitions: TransitionFact[] = path.map(([toStage, effectiveOn]) => {
    const t = { fromStage: from, toStage, effectiveOn };
    from = toStage;
    return t;
  });
  return { id, personId, transitions };
}

/*
 * One story across 2025年度 (2025-04-01〜2026-03-31) and 2026年度 (2026-04-01〜2027-03-31), read on 2027-04-05.
 * The same dates are written through the real database in outcome.test.ts.
 */
const MATCHES = [
  // M1: proposed and started in 2025年度; its 3-month mark (05-10) and 6-month mark (08-10) fall in 2026年度.
  match("M1", "P1", [[S.CANDIDATE, "2026-01-05"], [S.HOST_COORDINATION, "2026-01-10"], [S.PROPOSED, "2026-01-20"],
    [S.VISIT_TRIAL, "2026-02-01"], [S.ACTIVE_FOLLOW_UP, "2026-02-10"], [S.STABLE, "2026-06-01"]]),
  // M2: proposed on the last day of 2025年度, started in 2026年度; suspended at its 3-month mark (07-15), reopened 08-01.
  match("M2", "P2", [[S.CANDIDATE, "2026-03-15"], [S.HOST_COORDINATION, "2026-03-20"], [S.PROPOSED, "2026-03-31"],
    [S.ACTIVE_FOLLOW_UP, "2026-04-15"], [S.SUSPENDED, "2026-07-01"], [S.ACTIVE_FOLLOW_UP, "2026-08-01"]]),
  // M3: proposed on the first day of 2026年度, then declined: never participated.
  match("M3", "P3", [[S.CANDIDATE, "2026-03-20"], [S.HOST_COORDINATION, "2026-03-25"], [S.PROPOSED, "2026-04-01"],
    [S.PERSON_DECLINED, "2026-04-10"]]),
  // M4: started 2025-12-20, still taking part at the 3-month mark (03-20); suspended on 04-01, closed from 中断 04-20.
  match("M4", "P4", [[S.CANDIDATE, "2025-11-20"], [S.HOST_COORDINATION, "2025-11-25"], [S.PROPOSED, "2025-12-01"],
    [S.ACTIVE_FOLLOW_UP, "2025-12-20"], [S.SUSPENDED, "2026-04-01"], [S.CLOSED, "2026-04-20"]]),
  // M5: started 11-30 (3-month mark clamps to 02-28), 定着 02-28, 終結 04-30, 終結後フォロー, reopened 2027-04-01.
  match("M5", "P5", [[S.CANDIDATE, "2025-10-25"], [S.HOST_COORDINATION, "2025-11-01"], [S.PROPOSED, "2025-11-10"],
    [S.ACTIVE_FOLLOW_UP, "2025-11-30"], [S.STABLE, "2026-02-28"], [S.CLOSED, "2026-04-30"], [S.POST_CLOSURE, "2026-05-10"],
    [S.ACTIVE_FOLLOW_UP, "2027-04-01"]]),
  // M6: first proposed 2026-03-10, put on hold, proposed again 04-05 (not a second マッチング), started 04-20.
  match("M6", "P6", [[S.CANDIDATE, "2026-02-25"], [S.HOST_COORDINATION, "2026-03-01"], [S.PROPOSED, "2026-03-10"],
    [S.ON_HOLD, "2026-03-15"], [S.PROPOSED, "2026-04-05"], [S.VISIT_TRIAL, "2026-04-10"], [S.ACTIVE_FOLLOW_UP, "2026-04-20"]]),
  // M7: held during host coordination, first enters 本人へ提案 from 保留 on 2026-04-02, then declined.
  match("M7", "P7", [[S.CANDIDATE, "2026-02-01"], [S.HOST_COORDINATION, "2026-02-05"], [S.ON_HOLD, "2026-02-10"],
    [S.PROPOSED, "2026-04-02"], [S.PERSON_DECLINED, "2026-04-20"]]),
  // M8: taking part since 2024 with no move in either year: participating throughout both.
  match("M8", "P8", [[S.CANDIDATE, "2024-05-01"], [S.HOST_COORDINATION, "2024-05-10"], [S.PROPOSED, "2024-05-20"],
    [S.ACTIVE_FOLLOW_UP, "2024-06-01"], [S.STABLE, "2024-12-01"]]),
  // M9: started 09-30; suspended at its 3-month mark (12-30); reopened 01-15; 定着 on its 6-month mark day (03-30).
  match("M9", "P9", [[S.CANDIDATE, "2025-08-20"], [S.HOST_COORDINATION, "2025-08-25"], [S.PROPOSED, "2025-09-01"],
    [S.ACTIVE_FOLLOW_UP, "2025-09-30"], [S.SUSPENDED, "2025-12-01"], [S.ACTIVE_FOLLOW_UP, "2026-01-15"], [S.STABLE, "2026-03-30"]]),
  // M10: P1's second match; 3-month mark 2027-01-01, 6-month mark 2027-04-01 (next year's cohort).
  match("M10", "P1", [[S.CANDIDATE, "2026-09-01"], [S.HOST_COORDINATION, "2026-09-05"], [S.PROPOSED, "2026-09-10"],
    [S.ACTIVE_FOLLOW_UP, "2026-10-01"]]),
];

const record = (personId: string, contactedOn: string, changeObserved: boolean) => ({ personId, contactedOn, changeObserved });
const RECORDS = [
  record("P1", "2026-10-01", true), record("P1", "2027-03-31", true), // last day of 2026年度; P1 counted once
  record("P2", "2026-09-01", false), record("P2", "2027-04-01", true), // the change falls in 2027年度
  record("P3", "2026-04-05", true), // never participated: in no denominator
  record("P4", "2026-03-15", true), // 2025年度, while taking part
  record("P4", "2026-05-01", true), // 2026年度, but P4 stopped on 04-01: not in that year's denominator
  record("P5", "2026-04-15", true), // 2026年度, P5 still taking part until 04-29
  record("P8", "2026-06-01", false),
  record("P9", "2026-04-01", true), // first day of 2026年度
];

const due = (dueOn: string, status: FollowUpDueStatus, doneOn: string | null = null) => ({ dueOn, status, doneOn });
const DUES = [
  due("2026-03-31", DONE, "2026-04-03"), // 2025年度, on time (3 days late, grace 7)
  due("2026-03-25", DONE, "2026-04-05"), // 2025年度, late (deadline 04-01)
  due("2026-03-20", PLANNED), // 2025年度, overdue and past its grace
  due("2026-03-28", CANCELLED), // not counted
  due("2026-04-01", DONE, "2026-04-01"), // 2026年度, on time
  due("2026-06-10", DONE, "2026-06-17"), // on time: exactly the 7th day
  due("2026-06-10", DONE, "2026-06-18"), // late: the 8th day
  due("2027-03-31", PLANNED), // overdue on 04-05 but still in its grace (until 04-07): not yet judged
  due("2027-03-30", DONE, "2027-04-02"), // on time
  due("2027-01-10", PLANNED), // overdue and past its grace
  due("2027-04-01", PLANNED), // 2027年度
];

const person = (id: string, registeredOn: string) => ({ id, registeredOn });
const PERSONS = [
  person("P1", "2025-12-15"), person("P2", "2026-03-10"), person("P3", "2026-03-18"), person("P4", "2025-11-01"),
  person("P5", "2025-10-01"), person("P6", "2026-02-20"), person("P7", "2026-01-25"), person("P8", "2024-04-20"),
  person("P9", "2025-08-01"), person("P10", "2026-04-01"), person("P11", "2026-03-31"), person("P12", "2027-03-31"),
];
const consent = (personId: string, givenOn: string) => ({ personId, givenOn });
const CONSENTS = [
  consent("P1", "2025-12-15"), consent("P1", "2026-06-01"), // a later renewal: the first one counts
  consent("P2", "2026-03-10"), consent("P3", "2026-03-20"), consent("P4", "2025-11-01"), consent("P5", "2025-10-01"),
  consent("P6", "2026-02-20"), consent("P7", "2026-01-25"), consent("P8", "2024-04-20"), consent("P9", "2025-08-01"),
  consent("P11", "2026-04-01"), // registered in March, consented in April
  consent("P12", "2027-04-01"), // registered on the last day of 2026年度, consented in 2027年度; P10 never consented
];

const input = (fiscalYear: number, today = "2027-04-05"): OutcomeInput => ({
  fiscalYear, today, graceDays: 7, matches: MATCHES, records: RECORDS, dues: DUES, persons: PERSONS, firstConsentOn: CONSENTS,
});

/** Twelve months April–March of `fiscalYear`, zero except where given. */
const monthly = (fiscalYear: number, matchings: Record<string, number>, started: Record<string, number>) =>
  Array.from({ length: 12 }, (_, i) => {
    const m = (3 + i) % 12 + 1;
    const month = `${m >= 4 ? fiscalYear : fiscalYear + 1}-${String(m).padStart(2, "0")}`;
    return { month, matchingCount: matchings[month] ?? 0, startedCount: started[month] ?? 0 };
  });

describe("computeOutcomes across the 2025/2026年度 boundary", () => {
  it("2025年度 (2025-04-01〜2026-03-31)", () => {
    expect(computeOutcomes(input(2025))).toEqual({
      fiscalYear: 2025, periodStart: "2025-04-01", periodEnd: "2026-03-31", asOf: "2027-04-05",
      // First 本人へ提案: M1 01-20, M2 03-31, M4 12-01, M5 11-10, M6 03-10, M9 09-01 (M3 04-01, M7 04-02 are next year).
      matchingCount: 6,
      // First 参加開始: M1 02-10, M4 12-20, M5 11-30, M9 09-30 (M2 04-15 is next year).
      startedCount: 4,
      // M9 中断 → 参加開始 on 2026-01-15.
      reopenedCount: 1,
      // 3-month marks in the year: M4 03-20 (参加開始 ✓), M5 02-28 (定着 that day ✓), M9 12-30 (中断 ✗).
      settlingRate3Months: { numerator: 2, denominator: 3, rate: 2 / 3 },
      // 6-month marks in the year: M9 03-30 (定着 that day ✓). M8's was 2024-12-01.
      settlingRate6Months: { numerator: 1, denominator: 1, rate: 1 },
      // Taking part at some point: P1 (from 02-10), P4 (to 03-31), P5, P8 (throughout), P9 (to 11-30, and from 01-15).
      // Change in the year: P4 (03-15). P1's changes are in 2026年度.
      changeRate: { numerator: 1, denominator: 5, rate: 0.2 },
      // Due: 03-31 on time, 03-25 late, 03-20 overdue (past grace), 03-28 cancelled.
      followUps: { dueCount: 3, onTimeCount: 1, lateCount: 1, overdueCount: 1, dueTodayCount: 0, onTimeRate: { numerator: 1, denominator: 3, rate: 1 / 3 } },
      // New: P1–P7, P9, P11 = 9. First consent in the year: P1–P7, P9 = 8 (P11's is 04-01, P8's 2024).
      consentRate: { numerator: 8, denominator: 9, rate: 8 / 9 },
      // The same first entries as matchingCount / startedCount, by month.
      monthly: monthly(2025, { "2025-09": 1, "2025-11": 1, "2025-12": 1, "2026-01": 1, "2026-03": 2 },
        { "2025-09": 1, "2025-11": 1, "2025-12": 1, "2026-02": 1 }),
    });
  });

  it("2026年度 (2026-04-01〜2027-03-31)", () => {
    expect(computeOutcomes(input(2026))).toEqual({
      fiscalYear: 2026, periodStart: "2026-04-01", periodEnd: "2027-03-31", asOf: "2027-04-05",
      // M3 04-01, M7 04-02 (from 保留), M10 09-10. M6's 04-05 is a second entry: counted in 2025年度.
      matchingCount: 3,
      // M2 04-15, M6 04-20, M10 10-01. M2's 08-01 and M5's 2027-04-01 are reopenings.
      startedCount: 3,
      // M2 中断 → 参加開始 08-01 (M5's reopening is on 2027-04-01).
      reopenedCount: 1,
      // M1 05-10 (参加開始 ✓), M2 07-15 (中断 ✗), M6 07-20 ✓, M10 2027-01-01 ✓.
      settlingRate3Months: { numerator: 3, denominator: 4, rate: 0.75 },
      // M1 08-10 (定着 ✓), M2 10-15 (reopened ✓), M4 06-20 (終結 from 中断 ✗), M5 05-30 (終結後フォロー after 定着 ✓),
      // M6 10-20 ✓. M10's mark 2027-04-01 belongs to 2027年度.
      settlingRate6Months: { numerator: 4, denominator: 5, rate: 0.8 },
      // Taking part: P1, P2, P5 (until 04-29), P6, P8, P9. P4 stopped on 04-01 (last day 03-31).
      // Change: P1 (twice, counted once), P5 04-15, P9 04-01. P2's is 2027-04-01; P3 and P4 are not participants.
      changeRate: { numerator: 3, denominator: 6, rate: 0.5 },
      // Due: 04-01 ✓, 06-10 ✓ (7th day), 06-10 late, 2027-03-31 overdue in grace, 03-30 ✓, 01-10 overdue past grace.
      // Judged = 3 on time + 1 late + 1 past grace = 5 (the one in grace may still be done on time).
      followUps: { dueCount: 6, onTimeCount: 3, lateCount: 1, overdueCount: 2, dueTodayCount: 0, onTimeRate: { numerator: 3, denominator: 5, rate: 0.6 } },
      // New: P10, P12. First consent in the year: P11 (registered 2026-03-31). P12's is 2027-04-01.
      consentRate: { numerator: 1, denominator: 2, rate: 0.5 },
      monthly: monthly(2026, { "2026-04": 2, "2026-09": 1 }, { "2026-04": 2, "2026-10": 1 }),
    });
  });

  it("counts only what is due by the day of the count (read mid-year, 2026-07-16)", () => {
    const r = computeOutcomes(input(2026, "2026-07-16"));
    // 3-month marks up to 07-16: M1 05-10 ✓, M2 07-15 (中断) ✗. M6 07-20 is not yet due.
    expect(r.settlingRate3Months).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    // 6-month marks up to 07-16: M4 06-20 ✗, M5 05-30 ✓.
    expect(r.settlingRate6Months).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    // Due up to 07-16: 04-01 ✓, 06-10 ✓, 06-10 late.
    expect(r.followUps).toEqual({ dueCount: 3, onTimeCount: 2, lateCount: 1, overdueCount: 0, dueTodayCount: 0, onTimeRate: { numerator: 2, denominator: 3, rate: 2 / 3 } });
    // Participation is only counted up to today; the facts already recorded still count.
    expect(r.changeRate.denominator).toBe(6);
  });

  it("returns empty ratios for a year with nothing in it", () => {
    const r = computeOutcomes(input(2030));
    expect(r).toMatchObject({ matchingCount: 0, startedCount: 0, reopenedCount: 0 });
    for (const ratio of [r.settlingRate3Months, r.settlingRate6Months, r.changeRate, r.consentRate, r.followUps.onTimeRate]) {
      expect(ratio).toEqual({ numerator: 0, denominator: 0, rate: null });
    }
  });

  it("the parts of 期日到来 add up to it: a planned follow-up due today is 今日が予定日, not missing", () => {
    const dues = [
      due("2026-07-16", PLANNED), // due today, not done yet
      due("2026-07-15", PLANNED), // yesterday: 期限切れ
      due("2026-07-16", DONE, "2026-07-16"), // done today: 期限内
      due("2026-06-01", DONE, "2026-06-20"), // 遅れて
    ];
    const f = computeOutcomes({ ...input(2026, "2026-07-16"), dues }).followUps;
    expect(f).toEqual({ dueCount: 4, onTimeCount: 1, lateCount: 1, overdueCount: 1, dueTodayCount: 1, onTimeRate: { numerator: 1, denominator: 2, rate: 0.5 } });
    expect(f.onTimeCount + f.lateCount + f.overdueCount + f.dueTodayCount).toBe(f.dueCount);
  });

  it("gives null, not 0, for the months of the year not yet reached", () => {
    const months = computeOutcomes(input(2026, "2026-07-16")).monthly;
    expect(months.map((m) => m.month)).toHaveLength(12);
    expect(months.filter((m) => m.matchingCount === null).map((m) => m.month))
      .toEqual(["2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]);
    expect(months.find((m) => m.month === "2026-07")).toEqual({ month: "2026-07", matchingCount: 0, startedCount: 0 });
    expect(months.find((m) => m.month === "2026-04")).toEqual({ month: "2026-04", matchingCount: 2, startedCount: 2 });
    expect(months.every((m) => (m.matchingCount === null) === (m.startedCount === null))).toBe(true);
    // A year that has not begun: every month is still to come.
    expect(computeOutcomes(input(2030)).monthly.every((m) => m.matchingCount === null && m.startedCount === null)).toBe(true);
  });

  it("does not count an ongoing participation in a year that has not begun", () => {
    // Read on 2026-11-22: 2027年度 has not started, although M1, M2, M6, M8, M9 and M10 are still open.
    expect(computeOutcomes(input(2027, "2026-11-22")).changeRate).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
});

describe("replaying a match's history", () => {
  const settled3 = (transitions: TransitionFact[]) => computeOutcomes({
    ...input(2026, "2027-04-05"), matches: [{ id: "X", personId: "PX", transitions }], records: [], dues: [], persons: [], firstConsentOn: [],
  }).settlingRate3Months;

  it("orders moves by the day they took effect, then by the order they were recorded", () => {
    const back = { fromStage: S.ACTIVE_FOLLOW_UP, toStage: S.SUSPENDED, effectiveOn: "2026-07-01" };
    const start = { fromStage: S.PROPOSED, toStage: S.ACTIVE_FOLLOW_UP, effectiveOn: "2026-04-10" };
    const create = { fromStage: null, toStage: S.CANDIDATE, effectiveOn: "2026-04-01" };
    expect(orderTransitions([back, start, create])).toEqual([create, start, back]);
    const first = { ...start, createdAt: new Date("2026-04-10T01:00:00Z") };
    const second = { ...back, effectiveOn: "2026-04-10", createdAt: new Date("2026-04-10T02:00:00Z") };
    expect(orderTransitions([second, first])).toEqual([first, second]);
  });

  it("keeps the recorded order of moves on one day: by their recording time, else as listed", () => {
    const day = "2026-07-01";
    const a = { fromStage: S.ACTIVE_FOLLOW_UP, toStage: S.SUSPENDED, effectiveOn: day };
    const b = { fromStage: S.SUSPENDED, toStage: S.ACTIVE_FOLLOW_UP, effectiveOn: day };
    const c = { fromStage: S.ACTIVE_FOLLOW_UP, toStage: S.STABLE, effectiveOn: day };
    expect(orderTransitions([a, b, c])).toEqual([a, b, c]);
    const at = (t: TransitionFact, hour: number) => ({ ...t, createdAt: new Date(`${day}T0${hour}:00:00Z`) });
    expect(orderTransitions([at(c, 3), at(a, 1), at(b, 2)])).toEqual([at(a, 1), at(b, 2), at(c, 3)]);
    // A move without a recording time is not compared by time: the listed order decides.
    expect(orderTransitions([a, at(b, 1)])).toEqual([a, at(b, 1)]);
    expect(orderTransitions([at(a, 2), b])).toEqual([at(a, 2), b]);
  });

  it("reads the stage at the end of the mark day: a suspension recorded on the mark is not 定着", () => {
    const path = match("X", "PX", [[S.CANDIDATE, "2026-03-01"], [S.HOST_COORDINATION, "2026-03-02"], [S.PROPOSED, "2026-03-03"],
      [S.ACTIVE_FOLLOW_UP, "2026-04-10"], [S.SUSPENDED, "2026-07-10"]]).transitions;
    expect(settled3(path)).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    // Suspended the day after the mark: still taking part at the mark.
    expect(settled3(path.map((t) => (t.toStage === S.SUSPENDED ? { ...t, effectiveOn: "2026-07-11" } : t))))
      .toEqual({ numerator: 1, denominator: 1, rate: 1 });
  });

  it("counts 終結 at the mark as 定着 only when it came from 定着", () => {
    const head: [MatchStage, string][] = [[S.CANDIDATE, "2026-03-01"], [S.HOST_COORDINATION, "2026-03-02"],
      [S.PROPOSED, "2026-03-03"], [S.ACTIVE_FOLLOW_UP, "2026-04-10"]];
    const viaStable = match("X", "PX", [...head, [S.STABLE, "2026-06-01"], [S.CLOSED, "2026-07-01"]]).transitions;
    const viaSuspension = match("X", "PX", [...head, [S.SUSPENDED, "2026-06-01"], [S.CLOSED, "2026-07-01"]]).transitions;
    expect(settled3(viaStable).numerator).toBe(1);
    expect(settled3(viaSuspension).numerator).toBe(0);
  });
});

/** One match's figures for 2026年度, read on `today`. */
const alone = (path: [MatchStage, string][], today: string, fiscalYear = 2026) => computeOutcomes({
  fiscalYear, today, graceDays: 7, matches: [match("X", "PX", path)], records: [], dues: [], persons: [], firstConsentOn: [],
});
/** 候補 → 受け入れ先調整 → 本人へ提案 in March 2026, then 参加開始 on `startedOn`. */
const startedOn = (day: string): [MatchStage, string][] =>
  [[S.CANDIDATE, "2026-03-01"], [S.HOST_COORDINATION, "2026-03-02"], [S.PROPOSED, "2026-03-03"], [S.ACTIVE_FOLLOW_UP, day]];

describe("定着率: which marks are due, and what counts as 定着", () => {
  it("定着の確認日が集計日と同じ日なら分母に入る (the day before, it is not yet due)", () => {
    const path = startedOn("2026-04-10"); // 3-month mark 07-10
    expect(alone(path, "2026-07-10").settlingRate3Months).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(alone(path, "2026-07-09").settlingRate3Months).toEqual({ numerator: 0, denominator: 0, rate: null });
  });

  it("a mark on the first or the last day of the 年度 belongs to that 年度", () => {
    const first = startedOn("2026-01-01"); // 3-month mark 2026-04-01
    expect(alone(first, "2027-04-05").settlingRate3Months.denominator).toBe(1);
    expect(alone(first, "2027-04-05", 2025).settlingRate3Months.denominator).toBe(0);
    const last = startedOn("2026-12-31"); // 3-month mark 2027-03-31
    expect(alone(last, "2027-04-05").settlingRate3Months).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(alone(last, "2027-07-05", 2027).settlingRate3Months.denominator).toBe(0);
  });

  it("a match that went 定着 → 終結, was reopened and is 中断 at its mark has not settled", () => {
    const path: [MatchStage, string][] = [...startedOn("2026-04-10"), [S.STABLE, "2026-05-01"], [S.CLOSED, "2026-05-20"],
      [S.ACTIVE_FOLLOW_UP, "2026-06-01"], [S.SUSPENDED, "2026-07-01"]];
    expect(alone(path, "2027-04-05").settlingRate3Months).toEqual({ numerator: 0, denominator: 1, rate: 0 });
  });

  it("a match that settled and closed, was reopened and closed again from 中断 has not settled", () => {
    const path: [MatchStage, string][] = [...startedOn("2026-04-10"), [S.STABLE, "2026-05-01"], [S.CLOSED, "2026-05-20"],
      [S.ACTIVE_FOLLOW_UP, "2026-06-01"], [S.SUSPENDED, "2026-06-10"], [S.CLOSED, "2026-07-01"]];
    expect(alone(path, "2027-04-05").settlingRate3Months).toEqual({ numerator: 0, denominator: 1, rate: 0 });
  });

  it("a match closed from 中断, reopened, and closed again from 定着 has settled (the latest 終結 decides)", () => {
    const path: [MatchStage, string][] = [...startedOn("2026-04-10"), [S.SUSPENDED, "2026-05-01"], [S.CLOSED, "2026-05-10"],
      [S.ACTIVE_FOLLOW_UP, "2026-05-20"], [S.STABLE, "2026-06-10"], [S.CLOSED, "2026-07-01"]];
    expect(alone(path, "2027-04-05").settlingRate3Months).toEqual({ numerator: 1, denominator: 1, rate: 1 });
  });

  it("a match in 終結後フォロー after 定着 → 終結 has settled; one in 終結後フォロー after 中断 → 終結 has not", () => {
    const viaStable: [MatchStage, string][] = [...startedOn("2026-04-10"), [S.STABLE, "2026-05-01"], [S.CLOSED, "2026-05-20"],
      [S.POST_CLOSURE, "2026-06-01"]];
    const viaSuspension: [MatchStage, string][] = [...startedOn("2026-04-10"), [S.SUSPENDED, "2026-05-01"], [S.CLOSED, "2026-05-20"],
      [S.POST_CLOSURE, "2026-06-01"]];
    expect(alone(viaStable, "2027-04-05").settlingRate3Months.numerator).toBe(1);
    expect(alone(viaSuspension, "2027-04-05").settlingRate3Months.numerator).toBe(0);
  });

  it("the service reads back far enough for the longest mark: the 6-month cohort", () => {
    expect([...SETTLING_MONTHS]).toEqual([3, 6]);
    expect(LONGEST_SETTLING_MONTHS).toBe(6);
  });
});

describe("フォローアップ: due dates and deadlines equal to the reporting day", () => {
  const followUps = (dues: OutcomeInput["dues"], today: string) =>
    computeOutcomes({ ...input(2026, today), dues }).followUps;

  it("a planned follow-up whose grace ends today is 期限切れ but not yet judged: it may still be done on time", () => {
    expect(followUps([due("2026-07-09", PLANNED)], "2026-07-16")).toEqual({
      dueCount: 1, onTimeCount: 0, lateCount: 0, overdueCount: 1, dueTodayCount: 0, onTimeRate: { numerator: 0, denominator: 0, rate: null },
    });
    // The day after, its grace is over: judged, and missed.
    expect(followUps([due("2026-07-09", PLANNED)], "2026-07-17").onTimeRate).toEqual({ numerator: 0, denominator: 1, rate: 0 });
  });

  it("a follow-up due today is 期日到来 (今日が予定日); one due tomorrow is not due yet", () => {
    expect(followUps([due("2026-07-16", PLANNED), due("2026-07-17", PLANNED)], "2026-07-16")).toEqual({
      dueCount: 1, onTimeCount: 0, lateCount: 0, overdueCount: 0, dueTodayCount: 1, onTimeRate: { numerator: 0, denominator: 0, rate: null },
    });
  });

  it("a 実施済み without a date cannot be shown to be on time: it is late", () => {
    expect(followUps([due("2026-06-10", DONE, null)], "2026-07-16")).toMatchObject({ dueCount: 1, onTimeCount: 0, lateCount: 1 });
  });

  it("follow-ups due on the first and the last day of the 年度 belong to it; a cancelled one never counts", () => {
    const f = followUps([due("2026-04-01", DONE, "2026-04-01"), due("2027-03-31", DONE, "2027-03-31"), due("2026-03-31", DONE, "2026-03-31"),
      due("2027-04-01", DONE, "2027-04-01"), due("2026-05-01", CANCELLED)], "2027-04-05");
    expect(f).toMatchObject({ dueCount: 2, onTimeCount: 2 });
  });
});

describe("変化率: who took part in the 年度 (the denominator)", () => {
  const participants = (path: [MatchStage, string][], today: string, fiscalYear = 2026) =>
    alone(path, today, fiscalYear).changeRate.denominator;

  it("a participation that starts on the last day of the 年度 is in that 年度", () => {
    expect(participants(startedOn("2027-03-31"), "2027-04-05")).toBe(1);
    expect(participants(startedOn("2027-04-01"), "2027-04-05")).toBe(0);
  });

  it("a participation that starts today is counted; one recorded to start after today is not (yet)", () => {
    expect(participants(startedOn("2026-07-16"), "2026-07-16")).toBe(1);
    expect(participants(startedOn("2026-07-17"), "2026-07-16")).toBe(0);
  });

  it("a participation whose last day is the first day of the 年度 is in it; one that ended the day before is not", () => {
    const endedOn = (day: string): [MatchStage, string][] => [...startedOn("2026-03-10"), [S.SUSPENDED, day]];
    expect(participants(endedOn("2026-04-02"), "2027-04-05")).toBe(1); // last day 04-01
    expect(participants(endedOn("2026-04-01"), "2027-04-05")).toBe(0); // last day 03-31
  });

  it("a participation that started and ended on one day counts that day", () => {
    const sameDay: [MatchStage, string][] = [...startedOn("2026-04-01"), [S.SUSPENDED, "2026-04-01"]];
    expect(participants(sameDay, "2027-04-05")).toBe(1);
    expect(participants(sameDay, "2027-04-05", 2025)).toBe(0);
    const lastDay: [MatchStage, string][] = [...startedOn("2026-03-31"), [S.SUSPENDED, "2026-03-31"]];
    expect(participants(lastDay, "2027-04-05", 2025)).toBe(1);
    expect(participants(lastDay, "2027-04-05")).toBe(0);
  });
});

describe("同意率: the first consent", () => {
  it("is the earliest of a person's consents, in whatever order the rows come", () => {
    const rate = (firstConsentOn: OutcomeInput["firstConsentOn"]) => computeOutcomes({
      ...input(2026), matches: [], records: [], dues: [], persons: [person("P1", "2026-05-01")], firstConsentOn,
    }).consentRate;
    // Renewed in 2026年度, first given in 2025年度: not a consent obtained in 2026年度.
    expect(rate([consent("P1", "2026-06-01"), consent("P1", "2026-03-20")])).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(rate([consent("P1", "2026-03-20"), consent("P1", "2026-06-01")])).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(rate([consent("P1", "2027-05-01"), consent("P1", "2026-06-01")])).toEqual({ numerator: 1, denominator: 1, rate: 1 });
  });
});
