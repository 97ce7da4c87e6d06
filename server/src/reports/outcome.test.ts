import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { today } from "@tsunagu/calendar";
import { FollowUpDueStatus } from "../followups/followup.enums.js";
import type { Match } from "../matching/match.entity.js";
import { MatchStage } from "../matching/match.enums.js";
import { MunicipalSettings, SETTINGS_ID } from "../settings/municipal-settings.entity.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";

const S = MatchStage;
const { PLANNED, DONE, CANCELLED } = FollowUpDueStatus;

const SUMMARY = /* GraphQL */ `
  query Summary($fiscalYear: Int!) {
    outcomeSummary(fiscalYear: $fiscalYear) {
      fiscalYear periodStart periodEnd asOf matchingCount startedCount reopenedCount
      settlingRate3Months { numerator denominator rate }
      settlingRate6Months { numerator denominator rate }
      changeRate { numerator denominator rate }
      followUps { dueCount onTimeCount lateCount overdueCount dueTodayCount onTimeRate { numerator denominator rate } }
      consentRate { numerator denominator rate }
      monthly { month matchingCount startedCount }
    }
  }`;

/*
 * The story of outcome.compute.unit.test.ts (each number is explained there), written as real rows: persons,
 * consents, matches with their dated histories, follow-up records and dues, across the 2025/2026年度 boundary.
 * 2026年度 is still open on this machine's clock, so the exact figures are read through the service with a fixed
 * `now` (2027-04-05 JST); through GraphQL (the real clock) only figures that no longer move are compared.
 */
const NOW = new Date("2027-04-05T03:00:00Z");

const PERSONS: Record<string, string> = {
  P1: "2025-12-15", P2: "2026-03-10", P3: "2026-03-18", P4: "2025-11-01", P5: "2025-10-01", P6: "2026-02-20",
  P7: "2026-01-25", P8: "2024-04-20", P9: "2025-08-01", P10: "2026-04-01", P11: "2026-03-31", P12: "2027-03-31",
};
const CONSENTS: [string, string][] = [
  ["P1", "2025-12-15"], ["P1", "2026-06-01"], ["P2", "2026-03-10"], ["P3", "2026-03-20"], ["P4", "2025-11-01"],
  ["P5", "2025-10-01"], ["P6", "2026-02-20"], ["P7", "2026-01-25"], ["P8", "2024-04-20"], ["P9", "2025-08-01"],
  ["P11", "2026-04-01"], ["P12", "2027-04-01"],
];
const MATCHES: [string, string, [MatchStage, string][]][] = [
  ["M1", "P1", [[S.CANDIDATE, "2026-01-05"], [S.HOST_COORDINATION, "2026-01-10"], [S.PROPOSED, "2026-01-20"],
    [S.VISIT_TRIAL, "2026-02-01"], [S.ACTIVE_FOLLOW_UP, "2026-02-10"], [S.STABLE, "2026-06-01"]]],
  ["M2", "P2", [[S.CANDIDATE, "2026-03-15"], [S.HOST_COORDINATION, "2026-03-20"], [S.PROPOSED, "2026-03-31"],
    [S.ACTIVE_FOLLOW_UP, "2026-04-15"], [S.SUSPENDED, "2026-07-01"], [S.ACTIVE_FOLLOW_UP, "2026-08-01"]]],
  ["M3", "P3", [[S.CANDIDATE, "2026-03-20"], [S.HOST_COORDINATION, "2026-03-25"], [S.PROPOSED, "2026-04-01"],
    [S.PERSON_DECLINED, "2026-04-10"]]],
  ["M4", "P4", [[S.CANDIDATE, "2025-11-20"], [S.HOST_COORDINATION, "2025-11-25"], [S.PROPOSED, "2025-12-01"],
    [S.ACTIVE_FOLLOW_UP, "2025-12-20"], [S.SUSPENDED, "2026-04-01"], [S.CLOSED, "2026-04-20"]]],
  ["M5", "P5", [[S.CANDIDATE, "2025-10-25"], [S.HOST_COORDINATION, "2025-11-01"], [S.PROPOSED, "2025-11-10"],
    [S.ACTIVE_FOLLOW_UP, "2025-11-30"], [S.STABLE, "2026-02-28"], [S.CLOSED, "2026-04-30"], [S.POST_CLOSURE, "2026-05-10"],
    [S.ACTIVE_FOLLOW_UP, "2027-04-01"]]],
  ["M6", "P6", [[S.CANDIDATE, "2026-02-25"], [S.HOST_COORDINATION, "2026-03-01"], [S.PROPOSED, "2026-03-10"],
    [S.ON_HOLD, "2026-03-15"], [S.PROPOSED, "2026-04-05"], [S.VISIT_TRIAL, "2026-04-10"], [S.ACTIVE_FOLLOW_UP, "2026-04-20"]]],
  ["M7", "P7", [[S.CANDIDATE, "2026-02-01"], [S.HOST_COORDINATION, "2026-02-05"], [S.ON_HOLD, "2026-02-10"],
    [S.PROPOSED, "2026-04-02"], [S.PERSON_DECLINED, "2026-04-20"]]],
  // Taking part since 2024 with no move since: found by the "participating when the window opened" branch.
  ["M8", "P8", [[S.CANDIDATE, "2024-05-01"], [S.HOST_COORDINATION, "2024-05-10"], [S.PROPOSED, "2024-05-20"],
    [S.ACTIVE_FOLLOW_UP, "2024-06-01"], [S.STABLE, "2024-12-01"]]],
  ["M9", "P9", [[S.CANDIDATE, "2025-08-20"], [S.HOST_COORDINATION, "2025-08-25"], [S.PROPOSED, "2025-09-01"],
    [S.ACTIVE_FOLLOW_UP, "2025-09-30"], [S.SUSPENDED, "2025-12-01"], [S.ACTIVE_FOLLOW_UP, "2026-01-15"], [S.STABLE, "2026-03-30"]]],
  ["M10", "P1", [[S.CANDIDATE, "2026-09-01"], [S.HOST_COORDINATION, "2026-09-05"], [S.PROPOSED, "2026-09-10"],
    [S.ACTIVE_FOLLOW_UP, "2026-10-01"]]],
  // Noise: a match that ended long before either year, and one declined before ever being proposed.
  ["M11", "P8", [[S.CANDIDATE, "2023-01-10"], [S.HOST_COORDINATION, "2023-01-20"], [S.PROPOSED, "2023-02-01"],
    [S.ACTIVE_FOLLOW_UP, "2023-02-10"], [S.SUSPENDED, "2023-05-01"], [S.CLOSED, "2023-06-01"]]],
  ["M12", "P10", [[S.CANDIDATE, "2026-04-05"], [S.HOST_COORDINATION, "2026-04-06"], [S.HOST_DECLINED, "2026-04-20"]]],
];
const RECORDS: [string, string, boolean][] = [
  ["M1", "2026-10-01", true], ["M10", "2027-03-31", true], ["M2", "2026-09-01", false], ["M2", "2027-04-01", true],
  ["M3", "2026-04-05", true], ["M4", "2026-03-15", true], ["M4", "2026-05-01", true], ["M5", "2026-04-15", true],
  ["M8", "2026-06-01", false], ["M9", "2026-04-01", true],
];
const DUES: [string, FollowUpDueStatus, string | null][] = [
  ["2026-03-31", DONE, "2026-04-03"], ["2026-03-25", DONE, "2026-04-05"], ["2026-03-20", PLANNED, null],
  ["2026-03-28", CANCELLED, null], ["2026-04-01", DONE, "2026-04-01"], ["2026-06-10", DONE, "2026-06-17"],
  ["2026-06-10", DONE, "2026-06-18"], ["2027-03-31", PLANNED, null], ["2027-03-30", DONE, "2027-04-02"],
  ["2027-01-10", PLANNED, null], ["2027-04-01", PLANNED, null],
];

const ratio = (numerator: number, denominator: number) =>
  ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

/** April–March of `fiscalYear`: the months given, zero elsewhere. */
const monthly = (fiscalYear: number, matchings: Record<string, number>, started: Record<string, number>) =>
  Array.from({ length: 12 }, (_, i) => {
    const m = (3 + i) % 12 + 1;
    const month = `${m >= 4 ? fiscalYear : fiscalYear + 1}-${String(m).padStart(2, "0")}`;
    return { month, matchingCount: matchings[month] ?? 0, startedCount: started[month] ?? 0 };
  });

const EXPECTED_2025 = {
  fiscalYear: 2025, periodStart: "2025-04-01", periodEnd: "2026-03-31",
  matchingCount: 6, // M1 M2 M4 M5 M6 M9
  startedCount: 4, // M1 M4 M5 M9
  reopenedCount: 1, // M9 01-15
  settlingRate3Months: ratio(2, 3), // M4 ✓ M5 ✓ M9 中断
  settlingRate6Months: ratio(1, 1), // M9 定着 on its mark
  changeRate: ratio(1, 5), // P1 P4 P5 P8 P9 took part; P4 changed
  followUps: { dueCount: 3, onTimeCount: 1, lateCount: 1, overdueCount: 1, dueTodayCount: 0, onTimeRate: ratio(1, 3) },
  consentRate: ratio(8, 9), // new P1–P7 P9 P11; first consent P1–P7 P9
  monthly: monthly(2025, { "2025-09": 1, "2025-11": 1, "2025-12": 1, "2026-01": 1, "2026-03": 2 },
    { "2025-09": 1, "2025-11": 1, "2025-12": 1, "2026-02": 1 }),
};
const EXPECTED_2026 = {
  fiscalYear: 2026, periodStart: "2026-04-01", periodEnd: "2027-03-31",
  matchingCount: 3, // M3 M7 M10
  startedCount: 3, // M2 M6 M10
  reopenedCount: 1, // M2 08-01
  settlingRate3Months: ratio(3, 4), // M1 ✓ M2 中断 M6 ✓ M10 ✓
  settlingRate6Months: ratio(4, 5), // M1 ✓ M2 ✓ M4 中断→終結 M5 ✓ M6 ✓
  changeRate: ratio(3, 6), // P1 P2 P5 P6 P8 P9 took part; P1 P5 P9 changed
  followUps: { dueCount: 6, onTimeCount: 3, lateCount: 1, overdueCount: 2, dueTodayCount: 0, onTimeRate: ratio(3, 5) },
  consentRate: ratio(1, 2), // new P10 P12; first consent P11
  monthly: monthly(2026, { "2026-04": 2, "2026-09": 1 }, { "2026-04": 2, "2026-10": 1 }),
};

let t: TestApp;
let viewer: Gql;

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  viewer = await t.asViewer(await f.user({ role: UserRole.VIEWER }));
  const coordinatorId = (await f.user({ role: UserRole.COORDINATOR })).id;
  const resourceId = (await f.resource()).id;
  const personIds: Record<string, string> = {};
  for (const [key, registeredOn] of Object.entries(PERSONS)) personIds[key] = (await f.person({ registeredOn, coordinatorId, withConsent: false })).id;
  for (const [key, givenOn] of CONSENTS) await f.consent(personIds[key], { givenOn, recordedById: coordinatorId });
  const matches: Record<string, Match> = {};
  for (const [key, personKey, [[, createdOn], ...path]] of MATCHES) {
    matches[key] = await f.match({ personId: personIds[personKey], resourceId, coordinatorId, createdOn, path });
  }
  for (const [key, contactedOn, changeObserved] of RECORDS) await f.followUpRecord(matches[key], { contactedOn, changeObserved });
  for (const [dueOn, status, doneOn] of DUES) await f.followUpDue(matches.M1, { dueOn, status, doneOn });
});
afterAll(() => t.close());

describe("outcome figures on the real database", () => {
  it("loads what each year needs and matches the hand-computed figures (read on 2027-04-05)", async () => {
    expect(await t.app.services.outcomes.summary(2025, NOW)).toEqual({ ...EXPECTED_2025, asOf: "2027-04-05" });
    expect(await t.app.services.outcomes.summary(2026, NOW)).toEqual({ ...EXPECTED_2026, asOf: "2027-04-05" });
  });

  it("takes the grace period from the municipal settings", async () => {
    const settings = t.db.getRepository(MunicipalSettings);
    const { onTimeGraceDays } = await settings.findOneByOrFail({ id: SETTINGS_ID });
    await settings.update({ id: SETTINGS_ID }, { onTimeGraceDays: 8 });
    try {
      // 06-10 done 06-18 is now on time; 2027-03-31 is still in its grace, 01-10 is past it.
      expect((await t.app.services.outcomes.summary(2026, NOW)).followUps)
        .toEqual({ dueCount: 6, onTimeCount: 4, lateCount: 0, overdueCount: 2, dueTodayCount: 0, onTimeRate: ratio(4, 5) });
    } finally {
      await settings.update({ id: SETTINGS_ID }, { onTimeGraceDays });
    }
  });

  it("answers a viewer through GraphQL", async () => {
    // Every 2025年度 figure is final once its last grace period (to 2026-04-07) has passed, whatever today is.
    const closed = await viewer(SUMMARY, { fiscalYear: 2025 });
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.outcomeSummary).toEqual({ ...EXPECTED_2025, asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    // For 2026年度 on the real clock, only the figures that count recorded facts (not marks or due dates).
    const open = await viewer(SUMMARY, { fiscalYear: 2026 });
    expect(open.errors).toBeUndefined();
    const { fiscalYear, periodStart, periodEnd, matchingCount, startedCount, reopenedCount, consentRate, monthly: months } = EXPECTED_2026;
    // Months after this one have not been reached: null, not 0.
    const thisMonth = today().slice(0, 7);
    const reached = months.map((m) => (m.month > thisMonth ? { ...m, matchingCount: null, startedCount: null } : m));
    expect(open.data?.outcomeSummary)
      .toMatchObject({ fiscalYear, periodStart, periodEnd, matchingCount, startedCount, reopenedCount, consentRate, monthly: reached });
  });

  it("rejects a year outside 2000〜2100", async () => {
    for (const fiscalYear of [1999, 2101]) {
      const r = await viewer(SUMMARY, { fiscalYear });
      expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(r)).toEqual(["fiscalYear"]);
    }
  });

  it("is for the city's staff and viewers only", async () => {
    for (const role of [UserRole.ADMIN, UserRole.COORDINATOR]) {
      const r = await (await t.asViewer(await t.factories.user({ role })))(SUMMARY, { fiscalYear: 2025 });
      expect(r.data?.outcomeSummary.matchingCount).toBe(6);
    }
    const host = await t.asViewer(await t.factories.user({ role: UserRole.HOST }));
    expect(codesOf(await host(SUMMARY, { fiscalYear: 2025 }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await t.anonymous(SUMMARY, { fiscalYear: 2025 }))).toEqual(["UNAUTHENTICATED"]);
  });
});
